import type { ComponentChildren } from 'preact';

/** A message in place of content, so no view is ever blank. */
export function EmptyState(props: { children: ComponentChildren; role?: 'status' | 'alert' }) {
  return (
    <div class="empty" role={props.role ?? 'status'}>
      {props.children}
    </div>
  );
}
