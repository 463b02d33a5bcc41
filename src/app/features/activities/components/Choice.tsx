import type { ComponentChildren } from 'preact';
import { Icon } from './icons.tsx';

/** A big toggle button with a pictogram (aria-pressed says whether it is chosen). */
export function Choice(props: { pressed: boolean; onClick: () => void; label: string; icon?: string; img?: string; testId?: string; wide?: boolean }) {
  return (
    <button
      type="button"
      class={`choice act-choice${props.wide ? ' act-choice--wide' : ''}`}
      aria-pressed={props.pressed}
      onClick={props.onClick}
      data-testid={props.testId}
    >
      {props.icon && <Icon name={props.icon} />}
      {props.img && <img class="act-choice__img" src={props.img} alt="" width={24} height={24} onError={(e) => ((e.currentTarget as HTMLImageElement).hidden = true)} />}
      <span>{props.label}</span>
    </button>
  );
}

/** A group of choices under its legend; `error` (when shown) is read with the group. */
export function ChoiceGroup(props: { legend: ComponentChildren; id: string; hint?: string; error?: string; children: ComponentChildren; class?: string }) {
  const describedBy = [props.hint && `${props.id}-hint`, props.error && `${props.id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset class={`act-group${props.error ? ' act-group--error' : ''} ${props.class ?? ''}`} id={props.id} aria-describedby={describedBy} tabIndex={-1}>
      <legend class="act-group__legend">{props.legend}</legend>
      {props.hint && (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p class="field-error" id={`${props.id}-error`}>
          {props.error}
        </p>
      )}
      <div class="choices">{props.children}</div>
    </fieldset>
  );
}
