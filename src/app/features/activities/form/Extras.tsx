import { useT } from '../../../i18n/use-t.ts';
import { EQUIPMENT } from '../../../../shared/activity/codes.ts';
import { MAX_PARTICIPANTS } from '../../../../shared/activity/record.ts';
import { setNotes, setPassNumerique, toggleEquipment, toggleTag } from '../lib/form-state.ts';
import { Choice, ChoiceGroup } from '../components/Choice.tsx';
import { Stepper } from '../components/Stepper.tsx';
import { Icon } from '../components/icons.tsx';
import type { SectionProps } from './types.ts';

/** Equipment, Pass numérique, tags and the local-only notes. */
export function Extras({ state, update, data, errors }: SectionProps) {
  const { t } = useT('activities');
  const tags = data.settings?.tags ?? [];
  return (
    <>
      <ChoiceGroup id="act-equipment" legend={t('form.equipment')} error={errors.includes('equipment') ? t('errors.equipment') : undefined}>
        {EQUIPMENT.map(({ code }) => (
          <Choice key={code} icon={code} pressed={state.equipment.includes(code)} label={t(`codes.equipment.${code}`)} onClick={() => update((s) => toggleEquipment(s, code))} testId={`equipment-${code}`} />
        ))}
      </ChoiceGroup>

      <div class="act-group act-steppers">
        <Stepper label={t('form.passNumerique')} value={state.passNumerique} min={0} max={MAX_PARTICIPANTS} onChange={(n) => update((s) => setPassNumerique(s, n))} testId="pass-numerique" />
      </div>

      {tags.length > 0 && (
        <ChoiceGroup id="act-tags" legend={t('form.tags')}>
          {tags.map((tag) => (
            <Choice key={tag.id} icon="tag" pressed={state.tags.includes(tag.id)} label={tag.label} onClick={() => update((s) => toggleTag(s, tag.id))} testId={`tag-${tag.id}`} />
          ))}
        </ChoiceGroup>
      )}

      <div class="field act-notes">
        <label for="act-notes">
          <Icon name="lock" size={22} /> {t('form.notes')} <span class="badge act-badge--local">{t('form.localOnly')}</span>
        </label>
        <p class="hint" id="act-notes-hint">
          {t('form.notesHint')}
        </p>
        <textarea id="act-notes" aria-describedby="act-notes-hint" value={state.notes} onInput={(e) => update((s) => setNotes(s, (e.currentTarget as HTMLTextAreaElement).value))} />
      </div>
    </>
  );
}
