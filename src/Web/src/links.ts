// Where a resource name of the API is shown in the app.
export function linkOf(resource: string): string | null {
  const conversation = /^units\/([^/]+)\/loop\/conversations\/([^/]+)/.exec(resource);
  if (conversation) return `#/enhed/${conversation[1]}/samtale/${conversation[2]}`;
  const report = /^units\/([^/]+)\/loop\/boardReports\/(\d+)/.exec(resource);
  if (report) return `#/enhed/${report[1]}/tilsyn/${report[2]}`;
  const oneToOne = /^units\/([^/]+)\/loop\/oneToOnes\/([^/]+)/.exec(resource);
  if (oneToOne) return `#/enhed/${oneToOne[1]}/1til1/${oneToOne[2]}`;
  const unit = /^units\/([^/]+)/.exec(resource);
  if (unit) return `#/enhed/${unit[1]}`;
  return null;
}

export function unitIdOf(name: string): string {
  return name.replace(/^units\//, "").split("/")[0] ?? name;
}
