// The board's written statements to the læringssamtaler (they count as data, kind D).
import { api, errorText, requestId } from "../api";
import { announce, type Page } from "../app";
import { h, replace } from "../dom";
import { errorSummary, field, submitting, text } from "../forms";
import { ConversationStatus, type BoardStatement, type Conversation } from "../gen/tilsyn/v1/loops_pb";
import { actorText, periodText, timeText } from "../text";

async function allStatements(parent: string): Promise<BoardStatement[]> {
  const statements: BoardStatement[] = [];
  let pageToken = "";
  do {
    const page = await api.loops.listBoardStatements({ parent, pageSize: 500, pageToken });
    statements.push(...page.statements);
    pageToken = page.nextPageToken;
  } while (pageToken);
  return statements;
}

async function conversationBlock(c: Conversation, canWrite: boolean, reload: () => void): Promise<HTMLElement> {
  const list = { statements: await allStatements(c.name) };
  const open = c.recordVersion === 0 && c.status !== ConversationStatus.BEFORE_TRACKING;
  const id = `c-${c.number}`;
  let form: HTMLElement | null = null;
  if (canWrite && open) {
    const summary = errorSummary();
    const path = `text_${c.number}`;
    const f = h("form", { novalidate: true }, summary,
      field({ path, label: `Bestyrelsens udtalelse til samtale nr. ${c.number}`, type: "textarea", rows: 6, required: true,
        hint: "Bestyrelsens perspektiv på enhedens data og fokusområder. Udtalelsen indgår som data (D) i samtalen." }),
      h("button", { type: "submit" }, "Indsend udtalelsen"));
    f.addEventListener("submit", async (e) => {
      e.preventDefault();
      const added = await submitting(f, summary, () => "Udtalelse", () => api.loops.addBoardStatement({ parent: c.name, text: text(f, path), requestId: requestId() }));
      if (added) { announce("Udtalelsen er indsendt."); reload(); }
    });
    form = f;
  }
  return h("section", { "aria-labelledby": id, class: "card" },
    h("h2", { id }, `Samtale nr. ${c.number}, ${periodText(c.period)}`),
    list.statements.length
      ? h("ul", { class: "plain" }, list.statements.map((s) => h("li", null, h("blockquote", null, s.text), h("p", { class: "muted" }, `${actorText(s.submitted?.actor)}, ${timeText(s.submitted?.time)}`))))
      : h("p", null, "Ingen udtalelser."),
    open ? form : h("p", { class: "muted" }, "Referatet er skrevet; der kan ikke længere tilføjes udtalelser."));
}

export const statementsPage: Page = {
  title: "Bestyrelsens udtalelser",
  async render(main, [unitId], session) {
    const load = async () => {
      try {
        const loop = await api.loops.getLoop({ name: `units/${unitId}/loop` });
        const canWrite = session.role === "board" || session.role === "leader";
        const blocks = await Promise.all(loop.conversations
          .filter((c) => c.status !== ConversationStatus.BEFORE_TRACKING)
          .map((c) => conversationBlock(c, canWrite, () => void load())));
        replace(main,
          h("h1", null, "Bestyrelsens udtalelser"),
          h("p", null, "Ved de senere læringssamtaler indgår bestyrelsens perspektiv som en skriftlig udtalelse eller ved deltagelse."),
          blocks,
          h("p", null, h("a", { href: `#/enhed/${unitId}` }, "Tilbage til enhedens loop")));
      } catch (error) {
        replace(main, h("h1", null, "Bestyrelsens udtalelser"), h("p", { class: "error" }, errorText(error)));
      }
    };
    await load();
  },
};
