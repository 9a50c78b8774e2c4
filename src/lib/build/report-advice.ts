/**
 * The gate's messages say what is wrong and then how to fix it, in one sentence
 * ("日期不存在：2024-02-30（请使用真实日期，如 2024-02-29）"). The report shows the two
 * in columns of their own; this finds where the advice starts, by the words every
 * advice starts with, so no message has to be written twice. Together the two parts
 * keep every word of the message, except the brackets around a trailing advice and
 * a field label the report shows in a column of its own.
 */

export interface SplitMessage {
  /** What is wrong; empty when the whole message is advice. */
  problem: string;
  /** How to fix it, when the message says so. */
  fix?: string;
}

/** Words an advice starts with: 请删减, 如 "2024-03-01", 应为 YYYY-MM-DD, 示例：…, 可能拼写错了, 只能使用…, 需要时…, 改为…. */
const ADVICE =
  /^(?:请|如[ "“]|如需|[^，。；：（）]{0,5}应(?:为|是|以|写)|示例|例如|可能|可以|可在|只能使用|只能用|需要时|改为|改成|换成|删掉|删除)/;

/** A trailing `（…）` that is an advice, or the label and example the schema messages end with (`（摘要，示例："…"）`). */
function trailingAdvice(message: string): { rest: string; advice: string } | undefined {
  if (!message.endsWith('）')) return undefined;
  let depth = 0;
  for (let i = message.length - 1; i >= 0; i--) {
    const c = message[i];
    if (c === '）') depth++;
    else if (c === '（' && --depth === 0) {
      const advice = message.slice(i + 1, -1);
      if (ADVICE.test(advice)) return { rest: message.slice(0, i), advice };
      // The report shows the field's label in a column of its own: keep the example.
      const example = /^[^，（）]{1,24}，(示例：.*)$/s.exec(advice)?.[1];
      return example ? { rest: message.slice(0, i), advice: example } : undefined;
    }
  }
  return undefined;
}

/** The first `：`, `，`, `。` or `；` outside quotes that an advice follows. */
function adviceClause(message: string): { rest: string; advice: string } | undefined {
  let quoted = false;
  for (let i = 0; i < message.length - 1; i++) {
    const c = message[i]!;
    if (c === '“' || c === '”') quoted = c === '“';
    else if (!quoted && '：，。；'.includes(c) && ADVICE.test(message.slice(i + 1))) {
      return { rest: message.slice(0, c === '。' ? i + 1 : i), advice: message.slice(i + 1) };
    }
  }
  return undefined;
}

export function splitAdvice(message: string): SplitMessage {
  // A message that is advice from its first word (请填写公开的办公电话…) says what is wrong by saying what to do.
  if (ADVICE.test(message)) return { problem: '', fix: message };
  const tail = trailingAdvice(message);
  const head = tail ? tail.rest : message;
  const clause = adviceClause(head);
  const problem = (clause ? clause.rest : head).trim();
  const fix = [clause?.advice, tail?.advice].filter(Boolean).join('；');
  return fix && problem ? { problem, fix } : { problem: message };
}
