import type {Rule} from '../rule.js'
import {contextRotAction} from './context-rot-action.js'
import {heartbeatBudget} from './heartbeat-budget.js'
import {killSwitchOverdue} from './kill-switch-overdue.js'
import {killSwitch} from './kill-switch.js'
import {learningsAnswered} from './learnings-answered.js'
import {metricConsistency} from './metric-consistency.js'
import {metricEstimate} from './metric-estimate.js'
import {metricNumber} from './metric-number.js'
import {modeSequence} from './mode-sequence.js'
import {takeaway} from './takeaway.js'
import {useAgainAnswer} from './use-again-answer.js'
import {patternPair} from './pattern-pair.js'
import {documentTitle} from './document-title.js'
import {templateMismatch} from './template-mismatch.js'
import {notASessionLog} from './not-a-session-log.js'
import {unclosedBlock} from './unclosed-block.js'
import {fieldDate} from './field-date.js'
import {requiredField} from './required-field.js'
import {sectionHeading} from './section-heading.js'
import {templateVersion} from './template-version.js'
import {footer} from './footer.js'
import {entryHeading} from './entry-heading.js'
import {entrySeparator} from './entry-separator.js'
import {duplicateEntry} from './duplicate-entry.js'
import {chronologicalOrder} from './chronological-order.js'
import {fieldOrder} from './field-order.js'
import {fieldEmpty} from './field-empty.js'
import {fieldMode} from './field-mode.js'
import {placeholder} from './placeholder.js'
import {checkboxFormat} from './checkbox-format.js'
import {checkboxItems} from './checkbox-items.js'
import {metricRows} from './metric-rows.js'
import {requiredSection} from './required-section.js'
import {sectionOrder} from './section-order.js'
import {extraSection} from './extra-section.js'
import {tableColumns} from './table-columns.js'
import {timelineTime} from './timeline-time.js'

/** Every rule, in the order the README documents them. */
export const rules: Rule[] = [
  templateMismatch,
  notASessionLog,
  unclosedBlock,
  documentTitle,
  templateVersion,
  footer,
  entryHeading,
  entrySeparator,
  duplicateEntry,
  chronologicalOrder,
  requiredField,
  fieldOrder,
  fieldEmpty,
  fieldDate,
  fieldMode,
  placeholder,
  sectionHeading,
  requiredSection,
  sectionOrder,
  extraSection,
  checkboxFormat,
  checkboxItems,
  tableColumns,
  timelineTime,
  metricRows,
  metricNumber,
  metricEstimate,
  metricConsistency,
  killSwitch,
  killSwitchOverdue,
  contextRotAction,
  heartbeatBudget,
  modeSequence,
  learningsAnswered,
  takeaway,
  useAgainAnswer,
  patternPair,
]
