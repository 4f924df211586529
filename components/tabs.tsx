// An accessible tablist (WAI-ARIA pattern): one tab in the focus order, arrows/Home/End move
// between tabs and activate them.
import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';

export interface TabDef<K extends string> {
  key: K;
  label: string;
}

export function Tabs<K extends string>(props: {
  tabs: TabDef<K>[];
  active: K;
  onChange: (key: K) => void;
  label: string;
  idPrefix: string;
}) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const index = props.tabs.findIndex((t) => t.key === props.active);
  const move = (to: number) => {
    const n = props.tabs.length;
    const i = ((to % n) + n) % n;
    props.onChange(props.tabs[i]!.key);
    refs.current[i]?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
    if (step !== undefined) move(index + step);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(props.tabs.length - 1);
    else return;
    e.preventDefault();
  };
  return (
    <div role="tablist" aria-label={props.label} class="tabs" onKeyDown={onKeyDown}>
      {props.tabs.map((t, i) => (
        <button
          key={t.key}
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          role="tab"
          id={`${props.idPrefix}-tab-${t.key}`}
          aria-controls={`${props.idPrefix}-panel-${t.key}`}
          aria-selected={t.key === props.active}
          tabIndex={t.key === props.active ? 0 : -1}
          onClick={() => props.onChange(t.key)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}

export function TabPanel(props: { idPrefix: string; tabKey: string; active: boolean; children: ComponentChildren }) {
  return (
    <div
      role="tabpanel"
      id={`${props.idPrefix}-panel-${props.tabKey}`}
      aria-labelledby={`${props.idPrefix}-tab-${props.tabKey}`}
      hidden={!props.active}
      class="tabpanel"
    >
      {props.children}
    </div>
  );
}
