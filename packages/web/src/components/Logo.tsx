/** A sextant's arc and index arm, drawn small enough for a header. */
export function Logo({ size = 24 }: { size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 32 32"
      aria-hidden="true"
      focusable="false"
      className="logo"
    >
      <rect width="32" height="32" rx="8" className="logo__bg" />
      <path
        d="M7 21a9 9 0 0 1 18 0"
        fill="none"
        stroke="#fff"
        strokeWidth="2.2"
        strokeLinecap="round"
      />
      <path d="M16 8v13l6-9" fill="none" stroke="#fff" strokeWidth="2.2" strokeLinecap="round" />
      <circle cx="16" cy="8" r="2" fill="#fff" />
    </svg>
  );
}
