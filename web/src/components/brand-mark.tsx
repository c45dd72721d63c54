/** The ChildGrid mark: a grid cell with its links, drawn inline (no image request). */
export function BrandMark({ size = 20 }: { size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 16 16"
      aria-hidden="true"
      focusable="false"
      className="brand-mark"
    >
      <rect width="16" height="16" rx="3" fill="currentColor" opacity="0.16" />
      <path d="M3.5 3.5h9v9h-9z" fill="none" stroke="currentColor" strokeWidth="1.4" />
      <path d="M8 3.5v9M3.5 8h9" stroke="currentColor" strokeWidth="1" />
      <circle cx="8" cy="8" r="1.6" fill="currentColor" />
    </svg>
  );
}
