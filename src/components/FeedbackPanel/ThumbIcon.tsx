/** A small thumb (up or down), decorative: the badge says it in words too. */
export function ThumbIcon({ direction }: { direction: 'up' | 'down' }) {
  return (
    <svg
      className="us-feedback-thumb"
      viewBox="0 0 16 16"
      width="12"
      height="12"
      aria-hidden="true"
      focusable="false"
      style={direction === 'down' ? { transform: 'scale(1, -1)' } : undefined}
    >
      <path d="M1.5 7h2.5v7.5h-2.5zM5.5 14.5V7l3-5.5c1.1 0 1.8.8 1.6 1.9L9.6 6h3.9c1 0 1.7.9 1.5 1.8l-1.2 5.4c-.2.8-.9 1.3-1.6 1.3z" />
    </svg>
  );
}
