// The only module that calls fetch. Every call goes to the web app itself (/api/<service>/...), which forwards it
// with the logged-in person's token; changing calls carry the CSRF token from /api/session.
import { norwegianMessage, fieldMessage } from "./problems";

export type Service = "goal" | "result" | "reporting";

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: FieldError[];
  [member: string]: unknown;
}

/** A refused call: the service's problem document, worded in Norwegian for people. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  readonly slug: string;

  constructor(status: number, problem: Problem) {
    super(norwegianMessage(status, problem));
    this.status = status;
    this.problem = problem;
    this.slug = (problem.type ?? "").replace("urn:mrs:problem:", "");
  }

  /** Norwegian messages per field, for the form's fields (field name as the service gives it). */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const error of this.problem.errors ?? []) {
      out[error.field] = fieldMessage(error);
    }
    return out;
  }
}

let csrf: { header: string; token: string } | null = null;

function setCsrf(header: string, token: string) {
  csrf = { header, token };
}

export interface Answer<T> {
  data: T;
  headers: Headers;
  status: number;
}

interface Options {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  /** a raw body (e.g. a CSV file) with its content type */
  raw?: { body: BodyInit; contentType: string };
  headers?: Record<string, string>;
  accept?: string;
}

/** Calls a service through the web app; a refused call throws ApiError with a Norwegian message. */
export async function call<T>(service: Service, path: string, options: Options = {}): Promise<Answer<T>> {
  const method = options.method ?? "GET";
  const headers: Record<string, string> = {
    Accept: options.accept ?? "application/json, application/problem+json",
    // tells quarkus-oidc not to redirect this call to the login page when the session has ended (it answers 499)
    "X-Requested-With": "JavaScript",
    ...options.headers,
  };
  let body: BodyInit | undefined;
  if (options.raw) {
    body = options.raw.body;
    headers["Content-Type"] = options.raw.contentType;
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers["Content-Type"] = "application/json";
  }
  if (method !== "GET" && csrf) {
    headers[csrf.header] = csrf.token;
  }
  let response: Response;
  try {
    response = await fetch(`/api/${service}/${path.replace(/^\//, "")}`, {
      method,
      headers,
      body,
      credentials: "same-origin",
    });
  } catch {
    throw new ApiError(0, { type: "urn:mrs:problem:network" });
  }
  return answer<T>(response);
}

async function answer<T>(response: Response): Promise<Answer<T>> {
  if (response.status === 499 || response.status === 401) {
    // the login has ended: a reload takes the person through the login and back to this address
    window.location.reload();
    throw new ApiError(401, { type: "urn:mrs:problem:unauthorized" });
  }
  const type = response.headers.get("Content-Type") ?? "";
  const text = await response.text();
  const parsed = type.includes("json") && text ? JSON.parse(text) : text;
  if (!response.ok) {
    const problem: Problem = typeof parsed === "object" && parsed !== null ? parsed : { status: response.status };
    throw new ApiError(response.status, problem);
  }
  return { data: parsed as T, headers: response.headers, status: response.status };
}

/**
 * A file from a service (an export), saved by the browser under the name the service gives in Content-Disposition
 * (or the fallback). The body is read as bytes, so a workbook arrives whole.
 */
export async function download(service: Service, path: string, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`/api/${service}/${path.replace(/^\//, "")}`, {
      headers: { Accept: "*/*", "X-Requested-With": "JavaScript" },
      credentials: "same-origin",
    });
  } catch {
    throw new ApiError(0, { type: "urn:mrs:problem:network" });
  }
  if (!response.ok) {
    await answer(response); // throws the problem in Norwegian (or reloads when the login has ended)
  }
  const disposition = response.headers.get("Content-Disposition") ?? "";
  const name = disposition.match(/filename="?([^";]+)"?/)?.[1] ?? fallbackName;
  const link = document.createElement("a");
  link.href = URL.createObjectURL(await response.blob());
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(link.href);
}

/** Follows rel="next" links of a paged list until the end. */
export async function all<T>(service: Service, path: string): Promise<T[]> {
  const items: T[] = [];
  let next: string | null = path;
  while (next) {
    const page: Answer<T[]> = await call<T[]>(service, next);
    items.push(...page.data);
    next = nextLink(page.headers.get("Link"), service);
  }
  return items;
}

function nextLink(link: string | null, service: Service): string | null {
  if (!link) return null;
  const match = link.match(/<([^>]+)>\s*;\s*rel="?next"?/);
  if (!match) return null;
  const url = new URL(match[1], window.location.origin);
  const prefix = `/api/${service}/`;
  return url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) + url.search : null;
}

export interface Session {
  subject: string;
  name: string;
  roles: string[];
  units: string[];
  csrfToken: string;
  csrfHeader: string;
}

export async function loadSession(): Promise<Session> {
  const response = await fetch("/api/session", {
    headers: { Accept: "application/json", "X-Requested-With": "JavaScript" },
    credentials: "same-origin",
  });
  const session = (await answer<Session>(response)).data;
  setCsrf(session.csrfHeader, session.csrfToken);
  return session;
}
