// Built by scripts/build-integrations.mjs from integrations/lib/sextant-ci.ts: do not edit.

// integrations/lib/sextant-ci.ts
import { appendFileSync, readFileSync, writeFileSync } from "node:fs";

// packages/cli/src/ci-env.ts
function read(env, name) {
  const value = env[name]?.trim();
  return value ? value : void 0;
}
function githubActions(env) {
  const runId = read(env, "GITHUB_RUN_ID");
  const attempt = read(env, "GITHUB_RUN_ATTEMPT");
  const server = read(env, "GITHUB_SERVER_URL")?.replace(/\/+$/, "");
  const repository = read(env, "GITHUB_REPOSITORY");
  return {
    provider: "github-actions",
    commit: read(env, "GITHUB_SHA"),
    // On pull_request events GITHUB_REF_NAME is "42/merge"; GITHUB_HEAD_REF is the PR's branch.
    branch: read(env, "GITHUB_HEAD_REF") ?? read(env, "GITHUB_REF_NAME"),
    // A re-run keeps the run id and bumps the attempt: "123456-2" tells the two apart.
    jobId: runId && (attempt ? `${runId}-${attempt}` : runId),
    jobUrl: runId && server && repository ? `${server}/${repository}/actions/runs/${runId}` : void 0
  };
}
function gitlabCi(env) {
  return {
    provider: "gitlab-ci",
    commit: read(env, "CI_COMMIT_SHA"),
    branch: read(env, "CI_COMMIT_REF_NAME"),
    jobId: read(env, "CI_JOB_ID"),
    jobUrl: read(env, "CI_JOB_URL")
  };
}
function detectCiEnvironment(env) {
  const detected = read(env, "GITHUB_ACTIONS") === "true" ? githubActions(env) : read(env, "GITLAB_CI") === "true" ? gitlabCi(env) : {};
  const merged = {
    provider: read(env, "SEXTANT_CI_PROVIDER") ?? detected.provider,
    commit: read(env, "SEXTANT_COMMIT") ?? detected.commit,
    branch: read(env, "SEXTANT_BRANCH") ?? detected.branch,
    jobId: read(env, "SEXTANT_JOB_ID") ?? detected.jobId,
    jobUrl: read(env, "SEXTANT_JOB_URL") ?? detected.jobUrl
  };
  return Object.fromEntries(
    Object.entries(merged).filter(([, value]) => value !== void 0)
  );
}
function ciMetadataOf(detected) {
  const { provider, jobId, jobUrl } = detected;
  if (provider && jobId && jobUrl) return { provider, jobId, jobUrl };
  const missing = [
    provider ? null : "provider (SEXTANT_CI_PROVIDER)",
    jobId ? null : "job id (SEXTANT_JOB_ID)",
    jobUrl ? null : "job URL (SEXTANT_JOB_URL)"
  ].filter((name) => name !== null);
  return { missing };
}

// packages/cli/src/ci-post.ts
import { randomUUID } from "node:crypto";

// packages/cli/src/cli-error.ts
var CliError = class extends Error {
};

// packages/cli/src/http.ts
import { STATUS_CODES } from "node:http";

// packages/core/dist/version.js
var SEXTANT_VERSION = "0.1.0";

// packages/cli/src/http.ts
async function failureOf(response) {
  const text = await response.text();
  try {
    const body = JSON.parse(text);
    if (body.error?.message) {
      return new CliError(
        `${response.status} ${body.error.code ?? ""}: ${body.error.message}`.replace(" :", ":")
      );
    }
  } catch {
  }
  return new CliError(
    `${response.status} ${response.statusText}: ${text.slice(0, 200).replace(/\s+/g, " ")}`
  );
}
var NetworkError = class extends CliError {
};
function isNewerVersion(theirs, ours) {
  const parts = (version) => /^(\d+)\.(\d+)\.(\d+)/.exec(version.trim())?.slice(1).map(Number);
  const a = parts(theirs);
  const b = parts(ours);
  if (!a || !b) return false;
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return (a[i] ?? 0) > (b[i] ?? 0);
  return false;
}
var warnedNewer = false;
function warnIfServerNewer(response, target) {
  const theirs = response.headers.get("x-sextant-version");
  if (warnedNewer || !theirs || !isNewerVersion(theirs, SEXTANT_VERSION)) return;
  warnedNewer = true;
  process.stderr.write(
    `sextant: warning: the server runs Sextant ${theirs}, this client is ${SEXTANT_VERSION}; get the server's: curl -fsSO ${target.url}/cli/sextant.mjs
`
  );
}
async function send(target, path, init) {
  try {
    const response = await fetch(`${target.url}/api/v1${path}`, {
      ...init,
      headers: { authorization: `Bearer ${target.token}`, ...init.headers ?? {} }
    });
    warnIfServerNewer(response, target);
    return response;
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : error instanceof Error && error.name === "TimeoutError" ? "no answer in time" : String(error);
    throw new NetworkError(`cannot reach ${target.url}: ${cause}`);
  }
}
var RETRYABLE_STATUSES = /* @__PURE__ */ new Set([408, 429, 500, 502, 503, 504]);
var MAX_RETRY_DELAY_MS = 3e4;
function retryDelayMs(retry, retryAfter, now = Date.now()) {
  const header = retryAfter?.trim();
  if (header) {
    const asked = /^\d+$/.test(header) ? Number(header) * 1e3 : Date.parse(header) - now;
    if (Number.isFinite(asked)) return Math.min(Math.max(asked, 0), MAX_RETRY_DELAY_MS);
  }
  return Math.min(500 * 2 ** (retry - 1), MAX_RETRY_DELAY_MS);
}
var pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function sendWithRetries(target, path, init, options) {
  const sleep = options.sleep ?? pause;
  const attempts = options.retries + 1;
  for (let attempt = 1; ; attempt++) {
    let response;
    let failure;
    try {
      response = await send(target, path, {
        ...init,
        ...options.timeoutMs ? { signal: AbortSignal.timeout(options.timeoutMs) } : {}
      });
    } catch (error) {
      if (!(error instanceof NetworkError)) throw error;
      failure = error;
    }
    if (response && !RETRYABLE_STATUSES.has(response.status)) return response;
    const tried = `after ${attempts} ${attempts === 1 ? "attempt" : "attempts"}`;
    if (attempt >= attempts) {
      if (response) {
        const last = await failureOf(response);
        throw new CliError(`${last.message} (${tried})`);
      }
      throw new NetworkError(`${failure?.message ?? "no answer"} (${tried})`);
    }
    const delayMs = retryDelayMs(attempt, response?.headers.get("retry-after") ?? null);
    const reason = response ? `${response.status} ${response.statusText || STATUS_CODES[response.status] || ""}`.trim() : failure?.message ?? "no answer";
    await response?.body?.cancel();
    options.onRetry?.({ retry: attempt, of: options.retries, delayMs, reason });
    await sleep(delayMs);
  }
}

// packages/cli/src/ci-post.ts
var ATTEMPT_TIMEOUT_MS = 3e4;
async function postFromCi(target, path, body, retries) {
  const idempotencyKey = randomUUID();
  const response = await sendWithRetries(
    target,
    path,
    {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": idempotencyKey },
      body: JSON.stringify(body)
    },
    {
      retries,
      timeoutMs: ATTEMPT_TIMEOUT_MS,
      onRetry: ({ retry, of, delayMs, reason }) => process.stderr.write(
        `sextant: ${reason}; retry ${retry} of ${of} in ${(delayMs / 1e3).toFixed(1)} s
`
      )
    }
  );
  if (!response.ok) throw await failureOf(response);
  return await response.json();
}

// packages/core/src/domain/numbers-format.ts
var MINUS = "\u2212";
var CURRENCY_SIGNS = { EUR: "\u20AC", USD: "$", GBP: "\xA3", JPY: "\xA5" };
function roundDecimal(x, decimals) {
  const rounded = Number(`${Math.round(Number(`${x}e${decimals}`))}e-${decimals}`);
  return Number.isFinite(rounded) ? rounded : x;
}
function formatNumberText(value, decimals = 2, keepZeros = false) {
  const sign = value < 0 ? MINUS : "";
  const fixed = roundDecimal(Math.abs(value), decimals).toFixed(decimals);
  const [whole = "0", fraction = ""] = fixed.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const trimmed = keepZeros ? fraction : fraction.replace(/0+$/, "");
  const text = trimmed ? `${grouped}.${trimmed}` : grouped;
  return /^[0.,]+$/.test(text) ? text : `${sign}${text}`;
}
function formatMetricText(value) {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return "0";
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  if (magnitude >= 2) return formatNumberText(value, 0);
  const decimals = Math.max(0, Math.min(12, 2 - magnitude));
  return formatNumberText(Number(value.toPrecision(3)), decimals);
}
function formatMoneyText(amount, currency, signed2 = false) {
  const abs = Math.round(Math.abs(amount) * 100) / 100;
  const digits = abs >= 1e3 ? formatNumberText(Math.round(abs), 0) : formatNumberText(abs, 2, true);
  const sign = abs === 0 ? "" : amount < 0 ? MINUS : signed2 ? "+" : "";
  const symbol = CURRENCY_SIGNS[currency];
  return symbol ? `${sign}${symbol}${digits}` : `${sign}${digits} ${currency}`;
}
function formatMoneyShort(amount, currency, signed2 = false) {
  const abs = Math.abs(amount);
  if (abs < 1e4) return formatMoneyText(amount, currency, signed2);
  const [scaled, unit] = abs >= 1e9 ? [abs / 1e9, " bn"] : abs >= 1e6 ? [abs / 1e6, " M"] : [abs / 1e3, " k"];
  const digits = formatNumberText(scaled, scaled >= 100 ? 0 : 1);
  const sign = amount < 0 ? MINUS : signed2 ? "+" : "";
  const symbol = CURRENCY_SIGNS[currency];
  return symbol ? `${sign}${symbol}${digits}${unit}` : `${sign}${digits}${unit} ${currency}`;
}

// packages/core/src/domain/run-markdown.ts
function escapeMarkdown(text) {
  const flat = text.replace(/\s+/g, " ").trim();
  const inline = flat.replace(/[\\`*_[\]<>!|~&]/g, (c) => `\\${c}`);
  return inline.replace(/^([#+=-])(?=\s|$|\1)/, "\\$1").replace(/^(\d+)([.)])(?=\s|$)/, "$1\\$2");
}
var markdownRow = (cells) => `| ${cells.join(" | ")} |`;
var RUN_COMMENT_MARKER = "<!-- sextant-run-comment -->";
var num = (value) => value === null || value === void 0 ? "\u2013" : formatMetricText(value);
function signed(value) {
  return `${value > 0 ? "+" : value < 0 ? "\u2212" : "\xB1"}${formatMetricText(Math.abs(value))}`;
}
function comparisonTableMarkdown(figures, context = {}) {
  const md = escapeMarkdown;
  const { value, baselineValue } = figures;
  const lines = [];
  lines.push(
    markdownRow(["", "Value", "This run against it"]),
    markdownRow(["---", "---:", "---:"])
  );
  if (figures.metricName) lines.push(markdownRow(["This run", num(value), ""]));
  if (baselineValue !== null) {
    const delta = figures.comparable && value !== null ? signed(value - baselineValue) : "\u2013";
    lines.push(
      markdownRow([
        figures.isBaseline ? "Baseline (this run)" : "Baseline",
        num(baselineValue),
        delta
      ])
    );
  }
  const threshold = context.threshold;
  if (threshold) {
    const op = threshold.direction === "increase" ? "\u2265" : "\u2264";
    const gap = value === null ? "\u2013" : signed(value - threshold.value);
    lines.push(markdownRow([`Threshold (${op})`, num(threshold.value), gap]));
  }
  const current = context.currentProcess;
  if (current) {
    const gap = value === null ? "\u2013" : signed(value - current.value);
    lines.push(markdownRow([`Today: ${md(current.name)}`, num(current.value), gap]));
  }
  const money = context.money;
  if (money) {
    const figure = money.difference ?? money.model;
    const sign = money.difference !== null;
    lines.push(
      markdownRow([
        money.difference ? "In money, against today" : "In money",
        `${formatMoneyText(figure.perPeriod, money.currency, sign)} a ${md(money.period)}`,
        `about ${formatMoneyShort(figure.perYear, money.currency, sign)} a year`
      ])
    );
  }
  return lines.join("\n");
}
function runComparisonMarkdown(run, context = {}) {
  const md = escapeMarkdown;
  const c = run.comparison;
  const metric = c.metricName;
  const lines = [];
  lines.push(`### Sextant: ${metric ? `\`${metric.replace(/`/g, "")}\`` : "run"}`, "");
  lines.push(
    comparisonTableMarkdown(
      {
        metricName: metric,
        value: c.value,
        baselineValue: c.baselineValue,
        comparable: c.status === "comparable",
        isBaseline: c.isBaseline
      },
      context
    ),
    ""
  );
  lines.push(md(c.message), "");
  const others = Object.entries(run.metrics).filter(([name]) => name !== metric);
  if (others.length) {
    lines.push(
      `Other metrics: ${others.map(([name, value]) => `\`${name.replace(/`/g, "")}\` ${num(value)}`).join(", ")}`,
      ""
    );
  }
  const where = [
    `Provenance: **${run.provenance}**`,
    `commit \`${run.commit.replace(/`/g, "").slice(0, 12)}\``,
    ...run.branch ? [`branch ${md(run.branch)}`] : [],
    ...run.evaluationFingerprint ? [`evaluation \`${run.evaluationFingerprint}\``] : []
  ];
  lines.push(`${where.join(", ")}. [The run in Sextant](${encodeURI(run.url)})`);
  return `${lines.join("\n")}
`;
}

// integrations/lib/sextant-ci.ts
var platformOf = (env) => env.GITLAB_CI === "true" ? "gitlab" : "github";
function input(env, name) {
  const upper = name.toUpperCase();
  const value = env[`INPUT_${upper}`] ?? env[`SEXTANT_${upper.replace(/-/g, "_")}`] ?? "";
  return value.trim();
}
var JobError = class extends Error {
};
function parseMetrics(text, source) {
  const trimmed = text.trim();
  let pairs;
  if (trimmed.startsWith("{")) {
    try {
      pairs = Object.entries(JSON.parse(trimmed));
    } catch {
      throw new JobError(`${source} is not valid JSON`);
    }
  } else {
    pairs = trimmed.split(/[\n,]/).map((l) => l.trim()).filter((l) => l && !l.startsWith("#")).map((l) => {
      const m = /^([^\s=]+)\s*[=\s]\s*(\S+)$/.exec(l);
      if (!m) throw new JobError(`${source}: "${l}" is not "name=value"`);
      return [m[1], Number(m[2])];
    });
  }
  const metrics = {};
  for (const [name, value] of pairs) {
    if (typeof value !== "number" || !Number.isFinite(value))
      throw new JobError(`${source}: ${name} is not a finite number`);
    metrics[name] = value;
  }
  if (!Object.keys(metrics).length) throw new JobError(`${source} holds no metric`);
  return metrics;
}
function metricsOf(env) {
  const file = input(env, "metrics-file");
  const inline = input(env, "metrics");
  if (file && inline) throw new JobError("give metrics-file or metrics, not both");
  if (file) {
    let text;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      throw new JobError(`cannot read metrics-file ${file}`);
    }
    return parseMetrics(text, file);
  }
  if (inline) return parseMetrics(inline, "metrics");
  throw new JobError("no metrics: give metrics-file or metrics");
}
async function call(url, init) {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(3e4) });
  if (!response.ok) {
    const text = (await response.text()).replace(/\s+/g, " ").slice(0, 200);
    throw new Error(
      `${init.method ?? "GET"} ${new URL(url).pathname} answered ${response.status}${text ? `: ${text}` : ""}`
    );
  }
  return response;
}
function nextLink(link) {
  const m = link ? /<([^>]+)>\s*;\s*rel="next"/.exec(link) : null;
  return m ? m[1] : null;
}
function githubThread(env) {
  if (env.GITHUB_EVENT_NAME !== "pull_request" && env.GITHUB_EVENT_NAME !== "pull_request_target")
    return null;
  let number;
  try {
    const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH ?? "", "utf8"));
    number = event.pull_request?.number ?? event.number;
  } catch {
    throw new Error("cannot read the pull request number from GITHUB_EVENT_PATH");
  }
  if (typeof number !== "number") throw new Error("GITHUB_EVENT_PATH names no pull request");
  const token = input(env, "github-token") || env.GITHUB_TOKEN;
  if (!token) throw new Error("no GitHub token (github-token input or GITHUB_TOKEN)");
  const api = (env.GITHUB_API_URL ?? "https://api.github.com").replace(/\/+$/, "");
  const repo = env.GITHUB_REPOSITORY ?? "";
  const headers = {
    accept: "application/vnd.github+json",
    authorization: `Bearer ${token}`,
    "x-github-api-version": "2022-11-28",
    "content-type": "application/json"
  };
  return {
    async list(url) {
      const response = await call(
        url ?? `${api}/repos/${repo}/issues/${number}/comments?per_page=100`,
        { method: "GET", headers }
      );
      return {
        items: await response.json(),
        next: nextLink(response.headers.get("link"))
      };
    },
    async create(body) {
      await call(`${api}/repos/${repo}/issues/${number}/comments`, {
        method: "POST",
        headers,
        body: JSON.stringify({ body })
      });
    },
    async update(id, body) {
      await call(`${api}/repos/${repo}/issues/comments/${id}`, {
        method: "PATCH",
        headers,
        body: JSON.stringify({ body })
      });
    }
  };
}
function gitlabThread(env) {
  const iid = env.CI_MERGE_REQUEST_IID;
  if (!iid) return null;
  const api = (env.CI_API_V4_URL ?? "").replace(/\/+$/, "");
  const project = encodeURIComponent(env.CI_PROJECT_ID ?? "");
  const access = input(env, "gitlab-token");
  const auth = access ? { "private-token": access } : env.CI_JOB_TOKEN ? { "job-token": env.CI_JOB_TOKEN } : {};
  if (!Object.keys(auth).length)
    throw new Error("no GitLab token (SEXTANT_GITLAB_TOKEN or CI_JOB_TOKEN)");
  const headers = { ...auth, "content-type": "application/json" };
  const notes = `${api}/projects/${project}/merge_requests/${iid}/notes`;
  return {
    async list(url) {
      const first = `${notes}?per_page=100&page=1`;
      const response = await call(url ?? first, { method: "GET", headers });
      const nextPage = response.headers.get("x-next-page");
      return {
        items: await response.json(),
        next: nextPage ? `${notes}?per_page=100&page=${nextPage}` : null
      };
    },
    async create(body) {
      await call(notes, { method: "POST", headers, body: JSON.stringify({ body }) });
    },
    async update(id, body) {
      await call(`${notes}/${id}`, { method: "PUT", headers, body: JSON.stringify({ body }) });
    }
  };
}
async function upsert(thread, body) {
  let url = null;
  do {
    const page = await thread.list(url);
    const mine = page.items.find(
      (c) => typeof c.body === "string" && c.body.includes(RUN_COMMENT_MARKER)
    );
    if (mine) {
      await thread.update(mine.id, body);
      return "updated";
    }
    url = page.next;
  } while (url);
  await thread.create(body);
  return "created";
}
function say(platform, level, message) {
  const line = message.replace(/\s+/g, " ");
  if (platform === "github") process.stdout.write(`::${level}::${line}
`);
  else process.stderr.write(`sextant: ${level}: ${line}
`);
}
async function main(env = process.env) {
  const platform = platformOf(env);
  let run;
  try {
    const project = input(env, "project");
    const url = input(env, "url").replace(/\/+$/, "");
    const token = input(env, "token");
    if (!project) throw new JobError("no project: give the project input (its id in Sextant)");
    if (!/^https?:\/\//.test(url))
      throw new JobError("url must be the Sextant server, http(s)://\u2026");
    if (!token) throw new JobError("no token: give the project\u2019s CI token");
    const metrics = metricsOf(env);
    const detected = detectCiEnvironment({
      ...env,
      ...platform === "github" ? { GITHUB_ACTIONS: "true" } : {}
    });
    const ci = ciMetadataOf(detected);
    if ("missing" in ci) throw new JobError(`no CI metadata: ${ci.missing.join(", ")}`);
    if (!detected.commit) throw new JobError("no commit (GITHUB_SHA / CI_COMMIT_SHA)");
    run = await postFromCi(
      { url, token },
      `/projects/${encodeURIComponent(project)}/runs`,
      {
        metrics,
        commit: detected.commit,
        ...detected.branch ? { branch: detected.branch } : {},
        ci
      },
      2
    );
  } catch (error) {
    say(
      platform,
      "error",
      `Sextant: the run was not recorded: ${error instanceof Error ? error.message : String(error)}`
    );
    return 1;
  }
  const table = runComparisonMarkdown(run);
  process.stdout.write(`Sextant: run recorded, ${run.url}
`);
  if (platform === "github" && env.GITHUB_STEP_SUMMARY) {
    try {
      appendFileSync(env.GITHUB_STEP_SUMMARY, `${table}
`);
    } catch (error) {
      say(platform, "warning", `Sextant: cannot write the job summary: ${String(error)}`);
    }
  }
  if (platform === "gitlab") {
    const file = input(env, "metrics-report") || "metrics.txt";
    writeFileSync(
      file,
      Object.entries(run.metrics).map(([n, v]) => `${n} ${v}
`).join("")
    );
  }
  if (input(env, "comment") !== "false") {
    try {
      const thread = platform === "github" ? githubThread(env) : gitlabThread(env);
      if (thread) {
        const done = await upsert(thread, `${RUN_COMMENT_MARKER}
${table}`);
        process.stdout.write(
          `Sextant: ${platform === "github" ? "pull request comment" : "merge request note"} ${done}
`
        );
      }
    } catch (error) {
      say(
        platform,
        "warning",
        `Sextant: could not comment (the run is recorded): ${error instanceof Error ? error.message : String(error)}`
      );
    }
  }
  return 0;
}
process.exitCode = await main();
export {
  main,
  parseMetrics
};
