// Labelled form fields and the error summary (WCAG: every control has a label; errors are listed at
// the top, linked to their fields, and repeated at each field).
import { errorText, violationsOf, type Violation } from "./api";
import { fieldId, h, replace, uniqueId, type Child } from "./dom";

export interface FieldOptions {
  path: string;
  label: string;
  hint?: string;
  value?: string;
  required?: boolean;
  type?: "text" | "textarea" | "date" | "datetime-local" | "number" | "file";
  rows?: number;
  autocomplete?: string;
}

function describedBy(id: string, hint: string | undefined): { hintEl: HTMLElement | null; ids: string } {
  const hintEl = hint ? h("p", { class: "hint", id: `${id}-hint` }, hint) : null;
  return { hintEl, ids: [hint ? `${id}-hint` : "", `${id}-error`].filter((x) => x).join(" ") };
}

/** A label, optional hint, an error slot and the control; the control's id comes from the API field path. */
export function field(options: FieldOptions): HTMLElement {
  const id = fieldId(options.path);
  const { hintEl, ids } = describedBy(id, options.hint);
  const common = { id, name: options.path, "aria-describedby": ids, required: options.required ?? false, autocomplete: options.autocomplete ?? "off" };
  const control = options.type === "textarea"
    ? h("textarea", { ...common, rows: options.rows ?? 4 }, options.value ?? "")
    : h("input", { ...common, type: options.type ?? "text", value: options.value ?? "" });
  return h("div", { class: "field", "data-field": options.path },
    h("label", { for: id }, options.label, options.required ? h("span", { class: "required" }, " (skal udfyldes)") : null),
    hintEl,
    h("p", { class: "field-error", id: `${id}-error`, hidden: true }),
    control);
}

export function selectField(path: string, label: string, choices: [string, string][], value: string, hint?: string): HTMLElement {
  const id = fieldId(path);
  const { hintEl, ids } = describedBy(id, hint);
  return h("div", { class: "field", "data-field": path },
    h("label", { for: id }, label),
    hintEl,
    h("p", { class: "field-error", id: `${id}-error`, hidden: true }),
    h("select", { id, name: path, "aria-describedby": ids },
      choices.map(([v, text]) => h("option", { value: v, selected: v === value }, text))));
}

/** Radio buttons or checkboxes in a fieldset with a legend. */
export function choiceGroup(path: string, legend: string, type: "radio" | "checkbox", choices: [string, string][], checked: string[], hint?: string): HTMLElement {
  const id = fieldId(path);
  const { hintEl, ids } = describedBy(id, hint);
  return h("fieldset", { class: "field choices", id, "data-field": path, tabindex: -1, "aria-describedby": ids },
    h("legend", null, legend),
    hintEl,
    h("p", { class: "field-error", id: `${id}-error`, hidden: true }),
    choices.map(([value, text]) => {
      const inputId = uniqueId(id);
      return h("div", { class: "choice" },
        h("input", { type, id: inputId, name: path, value, checked: checked.includes(value) }),
        h("label", { for: inputId }, text));
    }));
}

/** The element for a field path, or for the nearest enclosing path that has one (`a.b[2].c` -> `a.b[2]` -> `a.b`). */
export function findField(form: HTMLElement, path: string): HTMLElement | null {
  let current = path;
  for (;;) {
    const found = form.querySelector<HTMLElement>(`#${CSS.escape(fieldId(current))}`);
    if (found) return found;
    const cut = Math.max(current.lastIndexOf("."), current.lastIndexOf("["));
    if (cut <= 0) return null;
    current = current.slice(0, cut);
  }
}

export function clearErrors(form: HTMLElement, summary: HTMLElement): void {
  replace(summary);
  summary.hidden = true;
  form.querySelectorAll<HTMLElement>(".field-error").forEach((e) => { e.hidden = true; e.textContent = ""; });
  form.querySelectorAll("[aria-invalid]").forEach((e) => e.removeAttribute("aria-invalid"));
  form.querySelectorAll(".field.has-error").forEach((e) => e.classList.remove("has-error"));
}

/**
 * Shows every violation at once: a summary (focused, so screen readers read it) whose links move to the
 * fields, and the message again at each field. `labelOf` names a field path in words.
 */
export function showErrors(form: HTMLElement, summary: HTMLElement, violations: Violation[], labelOf: (path: string) => string, intro?: string): void {
  clearErrors(form, summary);
  const items = violations.map((v) => {
    const target = findField(form, v.field);
    const wrapper = target?.closest<HTMLElement>(".field") ?? target;
    const text = `${labelOf(v.field)} – ${v.description}`;
    if (wrapper) {
      wrapper.classList.add("has-error");
      const slot = wrapper.querySelector<HTMLElement>(".field-error");
      if (slot) {
        slot.hidden = false;
        slot.textContent = slot.textContent ? `${slot.textContent} ${v.description}` : v.description;
      }
    }
    target?.setAttribute("aria-invalid", "true");
    const link = target
      ? h("a", { href: `#${target.id}`, onclick: (e: Event) => { e.preventDefault(); focusField(target); } }, text)
      : text;
    return h("li", null, link);
  });
  replace(summary,
    h("h2", { id: uniqueId("errors") }, violations.length === 1 ? "Der er 1 fejl" : `Der er ${violations.length} fejl`),
    intro ? h("p", null, intro) : null,
    h("ul", null, items));
  summary.hidden = false;
  summary.focus();
}

function focusField(target: HTMLElement): void {
  const focusable = target.matches("input, select, textarea") ? target : target.querySelector<HTMLElement>("input, select, textarea") ?? target;
  focusable.focus();
  target.scrollIntoView({ block: "center" });
}

/** An error summary container: role=alert is not used, the summary gets focus instead. */
export function errorSummary(): HTMLElement {
  return h("div", { class: "error-summary", tabindex: -1, hidden: true });
}

/** Runs a change; on INVALID_ARGUMENT shows the field violations, on other errors a message in the summary. */
export async function submitting<T>(form: HTMLElement, summary: HTMLElement, labelOf: (path: string) => string, action: () => Promise<T>): Promise<T | undefined> {
  const button = form.querySelector<HTMLButtonElement>("button[type=submit]");
  if (button) button.disabled = true;
  form.setAttribute("aria-busy", "true");
  try {
    const result = await action();
    clearErrors(form, summary);
    return result;
  } catch (error) {
    const violations = violationsOf(error);
    if (violations.length > 0) showErrors(form, summary, violations, labelOf, "Ret det herunder, og prøv igen.");
    else showMessage(summary, errorText(error));
    return undefined;
  } finally {
    if (button) button.disabled = false;
    form.removeAttribute("aria-busy");
  }
}

export function showMessage(summary: HTMLElement, message: string): void {
  replace(summary, h("h2", null, "Det lykkedes ikke"), h("p", null, message));
  summary.hidden = false;
  summary.focus();
}

export function values(form: HTMLFormElement, path: string): string[] {
  return Array.from(form.querySelectorAll<HTMLInputElement>(`input[name="${CSS.escape(path)}"]:checked`)).map((i) => i.value);
}

export function text(form: HTMLElement, path: string): string {
  const control = form.querySelector<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(`#${CSS.escape(fieldId(path))}`);
  return control?.value.trim() ?? "";
}

/** Lines of a textarea, blank ones left out. */
export function lines(form: HTMLElement, path: string): string[] {
  return text(form, path).split("\n").map((l) => l.trim()).filter((l) => l);
}

export function section(title: string, ...children: Child[]): HTMLElement {
  const id = uniqueId("section");
  return h("section", { "aria-labelledby": id }, h("h2", { id }, title), children);
}
