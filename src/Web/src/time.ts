// Between <input type="datetime-local"/"date"> values (the browser's local time) and the API's types.
import { timestampFromDate, type Timestamp } from "@bufbuild/protobuf/wkt";
import { create } from "@bufbuild/protobuf";
import { DateSchema, type Date as Day } from "./gen/tilsyn/v1/common_pb";

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

export function localInputValue(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** undefined for an empty or unreadable value: the service then names the field as missing. */
export function timestampOfInput(value: string): Timestamp | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : timestampFromDate(date);
}

export function dayOfInput(value: string): Day | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m ? create(DateSchema, { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }) : undefined;
}

export function dayInputValue(day: Day | undefined): string {
  return day && day.year > 0 ? `${day.year}-${pad(day.month)}-${pad(day.day)}` : "";
}
