import { EXAMPLES, type Example } from './examples';

export interface ExamplesPickerProps {
  readonly onPick: (example: Example) => void;
}

/**
 * "Try an example": the classic 403 stories, each a synthetic token with its request (and the API's
 * answer where it fits). A lazy chunk of its own, so the tokens are no first-load weight.
 */
export default function ExamplesPicker({ onPick }: ExamplesPickerProps) {
  return (
    <div className="examples" role="group" aria-labelledby="examples-heading">
      <h2 id="examples-heading" className="examples-heading">
        Try an example
      </h2>
      <p className="muted">Synthetic tokens from a made-up tenant, each with the request that failed.</p>
      <ul className="examples-list">
        {EXAMPLES.map((example) => (
          <li key={example.id}>
            <button type="button" onClick={() => onPick(example)} aria-describedby={`example-${example.id}`}>
              {example.title}
            </button>
            <span id={`example-${example.id}`} className="muted">
              {' '}
              {example.story}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
