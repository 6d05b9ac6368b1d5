/** The `<option>`s of one of labels.ts's maps (API value → Portuguese label), without the values in `except`. */
export function Options({ labels, except = [] }: { labels: Record<string, string>; except?: string[] }) {
  return (
    <>
      {Object.entries(labels)
        .filter(([value]) => !except.includes(value))
        .map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
    </>
  );
}

/** A labelled native `<select>` over one of labels.ts's maps (native: the browser's own accessible picker). */
export function ChoiceField(props: { id: string; label: string; value: string; labels: Record<string, string>; except?: string[]; none?: string; onChange: (value: string) => void }) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.none !== undefined && <option value="">{props.none}</option>}
        <Options labels={props.labels} except={props.except} />
      </select>
    </div>
  );
}
