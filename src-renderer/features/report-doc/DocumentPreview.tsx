/**
 * The ResultDocument as it will print, on a sheet with A4's proportions: the same blocks the Word
 * writer writes, with the same fonts, sizes (scaled to the sheet's width), margins, alignment and
 * indents. Not paginated: one long sheet, page breaks are Word's.
 */
import type { DocBlock, DocRun, ResultDocument } from '@domain/result-report';

function Runs({ runs }: { runs: readonly DocRun[] }) {
  return (
    <>
      {runs.map((r, i) => {
        const cls = [r.bold ? 'b' : '', r.italic ? 'i' : ''].filter(Boolean).join(' ') || undefined;
        return r.mark ? (
          <mark key={i} className={cls}>
            {r.text}
          </mark>
        ) : (
          <span key={i} className={cls}>
            {r.text}
          </span>
        );
      })}
    </>
  );
}

function Block({ block }: { block: DocBlock }) {
  if (block.kind === 'heading') {
    return <p className={`rp-body rp-h${block.level}`}>{block.text}</p>;
  }
  if (block.kind === 'paragraph') {
    return (
      <p className="rp-body">
        <Runs runs={block.runs} />
      </p>
    );
  }
  return (
    <table className="rp-table">
      <colgroup>
        {block.columns.map((c, i) => (
          <col key={i} style={{ width: `${c.width}%` }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          {block.columns.map((c, i) => (
            <th key={i} scope="col">
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {block.rows.map((row, r) => (
          <tr key={r}>
            {block.columns.map((c, i) => (
              <td key={i} className={`rp-${c.align}`}>
                {row[i]}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function DocumentPreview({ doc }: { doc: ResultDocument }) {
  const h = doc.header;
  return (
    <section className="rp-frame" aria-label="Xem trước báo cáo">
      <div className="rp-sheet">
        <div className="rp-head">
          <div className="rp-head-left">
            {h.parentBody && <p>{h.parentBody}</p>}
            <p className="b">{h.issuingBody}</p>
            <hr className="rp-rule short" />
            <p className="rp-number">{h.numberLine}</p>
          </div>
          <div className="rp-head-right">
            <p className="b rp-national">{h.nationalName}</p>
            <p className="b rp-motto">{h.motto}</p>
            <hr className="rp-rule long" />
            <p className="i rp-date">{h.placeAndDate}</p>
          </div>
        </div>
        <p className="rp-type">{doc.documentType}</p>
        <p className="rp-subject">{doc.subject}</p>
        <hr className="rp-rule subject" />
        {doc.body.map((b, i) => (
          <Block key={i} block={b} />
        ))}
        <div className="rp-closing">
          <div className="rp-recipients">
            <p className="b i">Nơi nhận:</p>
            {doc.recipients.map((r, i) => (
              <p key={i}>{r}</p>
            ))}
          </div>
          <div className="rp-signature">
            <p className="b">{doc.signature.signingFor}</p>
            <p className="b">{doc.signature.title}</p>
            <div className="rp-sign-space" />
            <p className="b">{doc.signature.name}</p>
          </div>
        </div>
      </div>
    </section>
  );
}
