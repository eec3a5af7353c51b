import { Button, Checkbox, Fieldset, HStack, Select, TextField, VStack } from "@navikt/ds-react";
import { TrashIcon } from "@navikt/aksel-icons";
import type { Classification, Indicator } from "./api";
import { T } from "./texts";

/** One goal of the draft as the form holds it (the target as typed). */
export interface GoalDraft {
  key: number;
  indicatorId: string;
  classification: Classification;
  target: string;
  mainGoal: string;
  adjustable: boolean;
}

export const goalFieldId = (index: number, field: string) => `malbrev-mal-${index}-${field}`;

export function GoalRow(props: {
  index: number;
  goal: GoalDraft;
  indicators: Indicator[];
  mainGoals: string[];
  errors: Record<string, string>;
  onChange: (goal: GoalDraft) => void;
  onRemove: () => void;
}) {
  const { index, goal, indicators, mainGoals, errors, onChange, onRemove } = props;
  const n = index + 1;
  const error = (field: string) => errors[`goals[${index}].${field}`];
  const indicator = indicators.find((i) => i.indicatorId === goal.indicatorId);
  const mainGoalChoices = goal.mainGoal && !mainGoals.includes(goal.mainGoal) ? [...mainGoals, goal.mainGoal] : mainGoals;

  return (
    <Fieldset legend={T.goalLegend(n)} className="mrs-malbrev-goal">
      <VStack gap="space-12">
        <Select
          id={goalFieldId(index, "indicatorId")}
          label={T.indicator}
          value={goal.indicatorId}
          error={error("indicatorId")}
          onChange={(e) => onChange({ ...goal, indicatorId: e.target.value })}
        >
          <option value="">{T.chooseIndicator}</option>
          {indicators.map((i) => (
            <option key={i.indicatorId} value={i.indicatorId}>
              {i.indicatorId} {i.name}
            </option>
          ))}
        </Select>
        <HStack gap="space-16" align="start" wrap>
          <Select
            id={goalFieldId(index, "classification")}
            label={T.classificationLabel}
            value={goal.classification}
            error={error("classification")}
            onChange={(e) => {
              const classification = e.target.value as Classification;
              onChange({ ...goal, classification, target: classification === "MONITORING" ? "" : goal.target });
            }}
          >
            <option value="STEERING">{T.classificationOption.STEERING}</option>
            <option value="MONITORING">{T.classificationOption.MONITORING}</option>
          </Select>
          {goal.classification === "STEERING" && (
            <TextField
              id={goalFieldId(index, "target")}
              label={T.target}
              description={T.targetDescription(indicator)}
              inputMode="decimal"
              htmlSize={10}
              value={goal.target}
              error={error("target")}
              onChange={(e) => onChange({ ...goal, target: e.target.value })}
            />
          )}
          <Select
            id={goalFieldId(index, "mainGoal")}
            label={T.goalMainGoal}
            value={goal.mainGoal}
            error={error("mainGoal")}
            onChange={(e) => onChange({ ...goal, mainGoal: e.target.value })}
          >
            <option value="">{T.noMainGoal}</option>
            {mainGoalChoices.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </Select>
        </HStack>
        <Checkbox
          id={goalFieldId(index, "localAdjustment")}
          checked={goal.adjustable}
          onChange={(e) => onChange({ ...goal, adjustable: e.target.checked })}
        >
          {T.localAdjustment}
        </Checkbox>
        <div>
          <Button type="button" variant="tertiary" size="small" icon={<TrashIcon aria-hidden />} onClick={onRemove}>
            {T.removeGoal(n)}
          </Button>
        </div>
      </VStack>
    </Fieldset>
  );
}
