// The chief's task inbox, live: WatchInbox (server streaming over gRPC-Web) keeps the list current and a
// polite live region tells screen-reader users what changed.
import { api, errorText, requestId } from "./api";
import { announce } from "./app";
import { h, replace } from "./dom";
import { AssigneeRole, InboxEventType, TaskKind, TaskState, type LoopTask } from "./gen/tilsyn/v1/inbox_pb";
import { linkOf } from "./links";
import { assigneeText, dayText, periodText, taskKindText, taskStateText } from "./text";

const completableByHand = new Set([TaskKind.PREPARE_CONVERSATION, TaskKind.COMPILE_FOCUS_AREA_OVERVIEW]);

function dueKey(task: LoopTask): number {
  return task.due ? task.due.year * 10000 + task.due.month * 100 + task.due.day : 99999999;
}

function sorted(tasks: Iterable<LoopTask>): LoopTask[] {
  return [...tasks].sort((a, b) =>
    Number(b.state === TaskState.OVERDUE) - Number(a.state === TaskState.OVERDUE) || dueKey(a) - dueKey(b) || a.name.localeCompare(b.name));
}

function occurrenceText(occurrence: string): string {
  return /^\d{4}-(Spring|Autumn)/.test(occurrence) ? periodText(occurrence) : occurrence;
}

export interface LiveInbox {
  element: HTMLElement;
  stop(): void;
}

/** The live inbox of `chiefs/{chief}`; call stop() when the page is left. */
export function liveInbox(chief: string, headingLevel: "h1" | "h2" = "h2"): LiveInbox {
  const tasks = new Map<string, LoopTask>();
  const list = h("ul", { class: "tasks", tabindex: 0, "aria-labelledby": "inbox-heading" });
  const news = h("p", { class: "inbox-news", "aria-live": "polite", "aria-atomic": "true" });
  const state = h("p", { class: "inbox-state", role: "status" }, "Forbinder til opgavestrømmen …");
  const count = h("span", { class: "count" });
  const abort = new AbortController();
  let snapshotDone = false;

  function render(): void {
    const items = sorted(tasks.values());
    count.textContent = ` (${items.length})`;
    replace(list, items.length === 0 ? h("li", null, "Ingen åbne opgaver.") : items.map(taskItem));
  }

  function taskItem(task: LoopTask): HTMLElement {
    const link = linkOf(task.resource || task.unit);
    const overdue = task.state === TaskState.OVERDUE;
    // Only the assignee may complete a task by hand; the chief's inbox also shows the leaders' tasks.
    const complete = completableByHand.has(task.kind) && task.assignee === AssigneeRole.CHIEF
      ? h("button", { type: "button", class: "secondary small", onclick: async (e: Event) => {
        const button = e.currentTarget as HTMLButtonElement;
        button.disabled = true;
        try {
          await api.inbox.completeTask({ name: task.name, requestId: requestId() });
          announce(`${taskKindText[task.kind]} er markeret som udført.`);
        } catch (error) {
          news.textContent = errorText(error);
          button.disabled = false;
        }
      } }, "Markér som udført", h("span", { class: "visually-hidden" }, `: ${taskKindText[task.kind]}, ${task.unitDisplayName}`))
      : null;
    return h("li", { class: `task ${overdue ? "overdue" : ""}`, "data-task": task.name },
      h("p", { class: "task-title" },
        link ? h("a", { href: link }, taskKindText[task.kind]) : taskKindText[task.kind],
        " · ", task.unitDisplayName),
      h("p", { class: "task-meta" },
        h("span", { class: `badge ${overdue ? "badge-overdue" : "badge-open"}` }, taskStateText[task.state]),
        ` Frist ${dayText(task.due)} · ${assigneeText[task.assignee]} · ${occurrenceText(task.occurrence)}`),
      complete);
  }

  async function watch(): Promise<void> {
    try {
      for await (const event of api.inbox.watchInbox({ parent: chief }, { signal: abort.signal })) {
        const task = event.task;
        switch (event.type) {
          case InboxEventType.SNAPSHOT:
            if (task) tasks.set(task.name, task);
            break;
          case InboxEventType.SNAPSHOT_END:
            snapshotDone = true;
            state.textContent = "Opgavelisten opdateres automatisk.";
            render();
            break;
          case InboxEventType.RAISED:
          case InboxEventType.UPDATED:
            if (!task) break;
            tasks.set(task.name, task);
            render();
            news.textContent = `${event.type === InboxEventType.RAISED ? "Ny opgave" : "Opgave ændret"}: ${taskKindText[task.kind]}, ${task.unitDisplayName}.`;
            break;
          case InboxEventType.CLOSED:
            if (!task) break;
            tasks.delete(task.name);
            render();
            news.textContent = `Opgave afsluttet: ${taskKindText[task.kind]}, ${task.unitDisplayName}.`;
            break;
          default:
            break;
        }
      }
    } catch (error) {
      if (abort.signal.aborted) return;
      state.textContent = `Opgavestrømmen blev afbrudt: ${errorText(error)} Prøver igen om lidt.`;
      window.setTimeout(() => { if (!abort.signal.aborted) { tasks.clear(); snapshotDone = false; void watch(); } }, 5000);
    }
    if (!abort.signal.aborted && snapshotDone) {
      window.setTimeout(() => { if (!abort.signal.aborted) { tasks.clear(); snapshotDone = false; void watch(); } }, 1000);
    }
  }

  void watch();
  const element = h("section", { class: "inbox", "aria-labelledby": "inbox-heading" },
    h(headingLevel, { id: "inbox-heading" }, "Opgaver", count),
    state, news, list);
  return { element, stop: () => abort.abort() };
}
