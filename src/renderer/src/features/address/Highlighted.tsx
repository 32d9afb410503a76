interface Span {
  start: number
  end: number
}

const inside = (spans: Span[], i: number) => spans.some((s) => i >= s.start && i < s.end)

/**
 * An address with the query's matches marked and the part that changed underlined; runs of
 * characters with the same marks become one element.
 */
export function Highlighted({
  text,
  matches,
  changed
}: {
  text: string
  matches: Span[]
  changed: Span
}) {
  const runs: { text: string; match: boolean; change: boolean }[] = []
  for (let i = 0; i < text.length; i++) {
    const match = inside(matches, i)
    const change = inside([changed], i)
    const last = runs.at(-1)
    if (last && last.match === match && last.change === change) last.text += text[i]
    else runs.push({ text: text[i]!, match, change })
  }
  return (
    <span className="address-text">
      {runs.map((run, i) => {
        const className = [run.match && 'address-match', run.change && 'address-changed']
          .filter(Boolean)
          .join(' ')
        return className ? (
          <span key={i} className={className}>
            {run.text}
          </span>
        ) : (
          run.text
        )
      })}
    </span>
  )
}
