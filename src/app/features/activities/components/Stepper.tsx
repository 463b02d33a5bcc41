import { useT } from '../../../i18n/use-t.ts';
import { Icon } from './icons.tsx';

/** A number with big − and + buttons (and the number itself editable). */
export function Stepper(props: { label: string; value: number; min: number; max: number; onChange: (n: number) => void; testId?: string }) {
  const { t } = useT('activities');
  const id = `stepper-${props.testId ?? props.label.replace(/\W+/g, '-')}`;
  return (
    <div class="act-stepper" data-testid={props.testId}>
      <label for={id} class="act-stepper__label">
        {props.label}
      </label>
      <div class="act-stepper__controls">
        <button type="button" class="btn act-stepper__btn" aria-label={t('form.decrease', { label: props.label })} disabled={props.value <= props.min} onClick={() => props.onChange(props.value - 1)}>
          <Icon name="minus" size={22} />
        </button>
        <input
          id={id}
          class="act-stepper__input"
          type="number"
          inputMode="numeric"
          min={props.min}
          max={props.max}
          value={props.value}
          // a typed number counts as soon as it is a number (no +/− taps for a group of 25);
          // an emptied field waits for the next digit, and leaving it puts the value back
          onInput={(e) => {
            const raw = (e.currentTarget as HTMLInputElement).value;
            if (raw !== '' && Number.isFinite(Number(raw))) props.onChange(Number(raw));
          }}
          onBlur={(e) => {
            const el = e.currentTarget as HTMLInputElement;
            if (el.value === '' || Number(el.value) !== props.value) el.value = String(props.value);
          }}
        />
        <button type="button" class="btn act-stepper__btn" aria-label={t('form.increase', { label: props.label })} disabled={props.value >= props.max} onClick={() => props.onChange(props.value + 1)}>
          <Icon name="plus" size={22} />
        </button>
      </div>
    </div>
  );
}
