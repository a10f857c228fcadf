import { describe, expect, it } from 'vitest';
import {
  buildRunBody,
  parseMetricFlags,
  parseMetricsFile,
  parseParamFlags,
} from '../../src/run-input.js';

const CI = {
  provider: 'github-actions',
  commit: 'a1b2c3d',
  branch: 'main',
  jobId: '99-1',
  jobUrl: 'https://github.com/acme/forecasting/actions/runs/99',
};

describe('parseMetricFlags', () => {
  it('reads name=value pairs as numbers', () => {
    expect(parseMetricFlags(['hit_rate_at_10=0.42', 'val/auc=.9', 'loss=-1.5e-3', 'n=7'])).toEqual({
      hit_rate_at_10: 0.42,
      'val/auc': 0.9,
      loss: -0.0015,
      n: 7,
    });
  });

  it('refuses a value that is not a finite number, naming the metric', () => {
    for (const [pair, text] of [
      ['x=abc', 'abc'],
      ['x=', ''],
      ['x=NaN', 'NaN'],
      ['x=Infinity', 'Infinity'],
      ['x=1e309', '1e309'],
      ['x=0x10', '0x10'],
      ['x=1,5', '1,5'],
    ]) {
      expect(() => parseMetricFlags([pair!]), pair).toThrow(
        `--metric x: "${text}" is not a finite number`,
      );
    }
  });

  it('refuses a pair without "=", a bad name and a name given twice', () => {
    expect(() => parseMetricFlags(['accuracy'])).toThrow(
      '--metric "accuracy": expected name=value',
    );
    expect(() => parseMetricFlags(['hit rate=1'])).toThrow(
      '--metric "hit rate=1": the name must use letters, digits and _ . : / @ - only',
    );
    expect(() => parseMetricFlags(['=1'])).toThrow('--metric "=1": the name');
    expect(() => parseMetricFlags(['a=1', 'a=2'])).toThrow('--metric a is given twice');
  });
});

describe('parseParamFlags', () => {
  it('sends numbers and booleans as such and the rest as text', () => {
    expect(
      parseParamFlags(['lr=0.01', 'epochs=20', 'shuffle=true', 'model=xgb=v2', 'tag=']),
    ).toEqual({
      lr: 0.01,
      epochs: 20,
      shuffle: true,
      model: 'xgb=v2',
      tag: '',
    });
  });
});

describe('parseMetricsFile', () => {
  it('reads a flat object, or metrics and params under their own keys', () => {
    expect(parseMetricsFile('m.json', '{"hit_rate_at_10": 0.42, "mae": 3}')).toEqual({
      metrics: { hit_rate_at_10: 0.42, mae: 3 },
      params: {},
    });
    expect(
      parseMetricsFile('m.json', '{"metrics": {"hit_rate_at_10": 0.42}, "params": {"lr": 0.1}}'),
    ).toEqual({ metrics: { hit_rate_at_10: 0.42 }, params: { lr: 0.1 } });
  });

  it('names the file and the entry that is wrong', () => {
    expect(() => parseMetricsFile('m.json', '{"a": 1,')).toThrow(/^m\.json is not JSON: /);
    expect(() => parseMetricsFile('m.json', '[1, 2]')).toThrow(
      'm.json must hold a JSON object of metric name → number',
    );
    expect(() => parseMetricsFile('m.json', '{"auc": "0.9"}')).toThrow(
      'm.json: metric "auc" is "0.9", not a finite number',
    );
    expect(() => parseMetricsFile('m.json', '{"metrics": {"auc": null}}')).toThrow(
      'm.json: metric "auc" is null, not a finite number',
    );
    expect(() => parseMetricsFile('m.json', '{"bad name": 1}')).toThrow(
      'm.json: metric name "bad name" must use letters',
    );
    expect(() => parseMetricsFile('m.json', '{"metrics": {"a": 1}, "params": [1]}')).toThrow(
      'm.json: "params" must be an object of name → value',
    );
  });
});

describe('buildRunBody', () => {
  it('builds the body with CI metadata when provider, job id and URL are known', () => {
    expect(
      buildRunBody({
        metricFlags: ['hit_rate_at_10=0.42'],
        paramFlags: ['lr=0.1'],
        ci: CI,
        datasetVersion: '2024-06',
      }),
    ).toEqual({
      body: {
        metrics: { hit_rate_at_10: 0.42 },
        params: { lr: 0.1 },
        commit: 'a1b2c3d',
        branch: 'main',
        datasetVersion: '2024-06',
        ci: {
          provider: 'github-actions',
          jobId: '99-1',
          jobUrl: 'https://github.com/acme/forecasting/actions/runs/99',
        },
      },
      missingCi: [],
    });
  });

  it('lets --metric override the same name from the file', () => {
    const { body } = buildRunBody({
      file: { metrics: { a: 1, b: 2 }, params: { seed: 7 } },
      metricFlags: ['b=3'],
      paramFlags: [],
      ci: CI,
    });
    expect(body.metrics).toEqual({ a: 1, b: 3 });
    expect(body.params).toEqual({ seed: 7 });
  });

  it('leaves CI metadata out, and says what is missing, when the job is not fully known', () => {
    const { body, missingCi } = buildRunBody({
      metricFlags: ['a=1'],
      paramFlags: [],
      ci: { commit: 'abc' },
    });
    expect(body).toEqual({ metrics: { a: 1 }, commit: 'abc' });
    expect(missingCi).toHaveLength(3);
  });

  it('needs a metric and a commit', () => {
    expect(() => buildRunBody({ metricFlags: [], paramFlags: [], ci: CI })).toThrow(
      'no metrics: pass --metric name=value (repeatable) or --metrics-file FILE',
    );
    expect(() =>
      buildRunBody({ metricFlags: ['a=1'], paramFlags: [], ci: { branch: 'main' } }),
    ).toThrow(/^no commit: pass --commit or set SEXTANT_COMMIT/);
  });

  it("checks the body with the API's schema and names the flag", () => {
    expect(() =>
      buildRunBody({
        metricFlags: ['a=1'],
        paramFlags: [],
        ci: CI,
        evaluationFingerprint: 'xyz',
      }),
    ).toThrow(
      '--evaluation-fingerprint: must be the 16 hex characters Sextant shows for a strategy',
    );
    expect(() =>
      buildRunBody({ metricFlags: ['a=1'], paramFlags: [], ci: { ...CI, jobUrl: 'not a url' } }),
    ).toThrow(/^CI metadata \(jobUrl\): /);
  });
});
