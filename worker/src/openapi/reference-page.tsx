/**
 * `/api/docs`: the OpenAPI document as a page, rendered on the server in the site's own layout,
 * so it needs no script, no style of its own and nothing from another origin (the pages' strict
 * CSP holds). The frame (headings, column names) speaks the page's language; what the document
 * says about the API is developer reference text in English, marked `lang="en"` so a screen
 * reader reads it as such.
 */
import type { ReactNode } from "react";
import type { oas31 } from "zod-openapi";
import { ApiPath } from "../../../shared/contract.ts";
import { Rich, useI18n } from "../../../shared/i18n/react.tsx";
import { Layout } from "../web/pages/layout.tsx";
import type { ContentView, OperationView, SchemaRow, TagView } from "./reference-model.ts";

export interface ApiReferencePageProps {
  appName: string;
  info: oas31.InfoObject;
  tags: TagView[];
  securitySchemes: Record<string, string | undefined>;
}

/** The whole reference: contents, the API's introduction, then every operation by tag. */
export function ApiReferencePage({ appName, info, tags, securitySchemes }: ApiReferencePageProps) {
  const { t } = useI18n();
  return (
    <Layout appName={appName} title={t("apiReference.title")} wide>
      <h1>{t("apiReference.title")}</h1>
      <p>
        <Rich id="apiReference.intro" tags={{ document: (content) => <a href={ApiPath.openApi}>{content}</a> }} />
      </p>
      <nav aria-labelledby="api-contents">
        <h2 id="api-contents">{t("apiReference.contents")}</h2>
        <ul className="api-contents">
          {tags.map((tag) => (
            <li key={tag.name}>
              <a href={`#tag-${tag.name}`}>
                <code>{tag.name}</code>
              </a>
              <ul>
                {tag.operations.map((operation) => (
                  <li key={operation.id}>
                    <a href={`#${operation.id}`}>
                      <code>
                        {operation.method} {operation.path}
                      </code>
                    </a>{" "}
                    <span lang="en">{operation.summary}</span>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </nav>
      <div lang="en" dir="ltr" className="api-text">
        <h2>
          {info.title} {info.version}
        </h2>
        <Prose text={info.description ?? ""} />
      </div>
      {tags.map((tag) => (
        <section key={tag.name} id={`tag-${tag.name}`} className="api-tag" aria-labelledby={`tag-${tag.name}-heading`}>
          <h2 id={`tag-${tag.name}-heading`}>
            <code>{tag.name}</code>
          </h2>
          {tag.description ? (
            <div lang="en" dir="ltr" className="api-text">
              <Prose text={tag.description} />
            </div>
          ) : null}
          {tag.operations.map((operation) => (
            <Operation key={operation.id} operation={operation} securitySchemes={securitySchemes} />
          ))}
        </section>
      ))}
    </Layout>
  );
}

function Operation({ operation, securitySchemes }: { operation: OperationView; securitySchemes: Record<string, string | undefined> }) {
  const { t } = useI18n();
  return (
    <article id={operation.id} className="api-operation" aria-labelledby={`${operation.id}-heading`}>
      <h3 id={`${operation.id}-heading`} dir="ltr">
        <span className="api-method">{operation.method}</span> <code>{operation.path}</code>
      </h3>
      <div lang="en" dir="ltr" className="api-text">
        <p className="api-summary">{operation.summary}</p>
        {operation.description ? <Prose text={operation.description} /> : null}
      </div>
      <dl className="api-facts">
        <dt>{t("apiReference.authentication")}</dt>
        <dd>
          {operation.security.length === 0 ? (
            t("apiReference.noAuthentication")
          ) : (
            <span lang="en" dir="ltr">
              {operation.security.map((name) => (
                <Inline key={name} text={`\`Authorization: Bearer\`: ${securitySchemes[name] ?? name}`} />
              ))}
            </span>
          )}
        </dd>
      </dl>
      {operation.parameters.length > 0 ? (
        <>
          <h4>{t("apiReference.parameters")}</h4>
          <div className="table-scroll">
            <table className="api-table">
              <thead>
                <tr>
                  <th scope="col">{t("apiReference.columnName")}</th>
                  <th scope="col">{t("apiReference.columnLocation")}</th>
                  <th scope="col">{t("apiReference.columnType")}</th>
                  <th scope="col">{t("apiReference.columnDetails")}</th>
                </tr>
              </thead>
              <tbody>
                {operation.parameters.map((parameter) => (
                  <tr key={`${parameter.location} ${parameter.name}`}>
                    <td dir="ltr">
                      <code>{parameter.name}</code>
                    </td>
                    <td dir="ltr">
                      <code>{parameter.location}</code>
                    </td>
                    <td dir="ltr">
                      <code>{parameter.type}</code>
                    </td>
                    <td>
                      <RequiredLabel required={parameter.required} />
                      {parameter.description ? (
                        <span lang="en" dir="ltr">
                          {" "}
                          <Inline text={parameter.description} />
                        </span>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      {operation.requestBody ? (
        <>
          <h4>{t("apiReference.requestBody")}</h4>
          {operation.requestBody.map((content) => (
            <Content key={content.mediaType} content={content} />
          ))}
        </>
      ) : null}
      <h4>{t("apiReference.responses")}</h4>
      {operation.responses.map((response) => (
        <div key={response.status} className="api-response">
          <p dir="ltr">
            <strong className="api-status">{response.status}</strong>{" "}
            <span lang="en">
              <Inline text={response.description} />
            </span>
          </p>
          {response.headers.length > 0 ? (
            <dl className="api-facts">
              <dt>{t("apiReference.headers")}</dt>
              <dd>
                {response.headers.map((header, index) => (
                  <span key={header.name} dir="ltr">
                    {index > 0 ? ", " : null}
                    <code>{header.name}</code>
                    {header.required ? null : (
                      <>
                        {" "}
                        (<RequiredLabel required={false} />)
                      </>
                    )}
                  </span>
                ))}
              </dd>
            </dl>
          ) : null}
          {response.content.length === 0 ? <p>{t("apiReference.noContent")}</p> : response.content.map((content) => <Content key={content.mediaType} content={content} />)}
        </div>
      ))}
    </article>
  );
}

/** One media type: its schema as a table and its examples, each folded away until asked for. */
function Content({ content }: { content: ContentView }) {
  const { t } = useI18n();
  return (
    <div className="api-content">
      <p dir="ltr">
        <code>{content.mediaType}</code>
      </p>
      {content.rows.length > 0 ? <SchemaTable rows={content.rows} /> : null}
      {content.examples.map((example) => (
        <details key={example.name} className="api-example">
          <summary>
            {t("apiReference.example", { name: example.name })}
            {example.summary ? (
              <span lang="en" dir="ltr">
                {" "}
                ({example.summary})
              </span>
            ) : null}
          </summary>
          <pre dir="ltr">
            <code>{example.json}</code>
          </pre>
        </details>
      ))}
    </div>
  );
}

function SchemaTable({ rows }: { rows: SchemaRow[] }) {
  const { t } = useI18n();
  return (
    <div className="table-scroll">
      <table className="api-table">
        <thead>
          <tr>
            <th scope="col">{t("apiReference.columnName")}</th>
            <th scope="col">{t("apiReference.columnType")}</th>
            <th scope="col">{t("apiReference.columnDetails")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.name}>
              <td dir="ltr">{row.name ? <code>{row.name}</code> : t("apiReference.wholeBody")}</td>
              <td dir="ltr">
                <code>{row.type}</code>
              </td>
              <td>
                <RequiredLabel required={row.required} />
                {row.description || row.notes.length > 0 ? (
                  <span lang="en" dir="ltr">
                    {row.description ? (
                      <>
                        {" "}
                        <Inline text={row.description} />
                      </>
                    ) : null}
                    {row.notes.map((note) => (
                      <span key={note}>
                        {" "}
                        <code>{note}</code>
                      </span>
                    ))}
                  </span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RequiredLabel({ required }: { required: boolean }) {
  const { t } = useI18n();
  return <span className={required ? "api-required" : "api-optional"}>{t(required ? "apiReference.required" : "apiReference.optional")}</span>;
}

/** The document's text: paragraphs split at blank lines, with its `code` and **bold** spans. */
function Prose({ text }: { text: string }) {
  return (
    <>
      {text.split(/\n\s*\n/).map((paragraph, index) => (
        <p key={index}>
          <Inline text={paragraph} />
        </p>
      ))}
    </>
  );
}

function Inline({ text }: { text: string }): ReactNode {
  return text.split(/(`[^`]+`|\*\*[^*]+\*\*)/).map((part, index) => {
    if (part.startsWith("`") && part.endsWith("`") && part.length > 1) return <code key={index}>{part.slice(1, -1)}</code>;
    if (part.startsWith("**") && part.endsWith("**") && part.length > 3) return <strong key={index}>{part.slice(2, -2)}</strong>;
    return part;
  });
}
