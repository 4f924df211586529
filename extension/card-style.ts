// The hover card's style sheet (inside its closed shadow root). It is sent by the background with
// the card's strings (ui-lang.ts pageStrings), not bundled into the content script, which has a
// size budget (tests/unit/extension/content-size.test.ts).
export const CARD_CSS = `
.card{position:absolute;pointer-events:auto;width:max-content;max-width:320px;box-sizing:border-box;padding:8px 10px;
  font:13px/1.5 system-ui,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;color:#1f2937;
  background:#fff;border:1px solid #d1d5db;border-radius:6px;box-shadow:0 4px 14px rgba(0,0,0,.15);cursor:pointer}
.card[hidden]{display:none}
.title{font-weight:600;margin-bottom:2px}
.meta{color:#6b7280;font-size:12px}
.open{margin-top:4px;color:#b91c1c;font-size:12px}
.warn .title{color:#b91c1c}
`;
