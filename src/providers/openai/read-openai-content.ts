/**
 * `message.content` / `delta.content` is a string for OpenAI, but Mistral's reasoning models send
 * an array of `{type: "thinking", thinking: [{type: "text", text}]}` and `{type: "text", text}`
 * parts. Both read into answer text and reasoning.
 */
import { z } from 'zod';

const ThinkingSchema = z.union([z.string(), z.array(z.object({ text: z.string().nullish() }))]);

export const OpenAIContentSchema = z
  .union([z.string(), z.array(z.object({ type: z.string(), text: z.string().nullish(), thinking: ThinkingSchema.nullish() }))])
  .nullish();

export function readOpenAIContent(content: z.infer<typeof OpenAIContentSchema>): { text: string; reasoning: string } {
  if (content == null) return { text: '', reasoning: '' };
  if (typeof content === 'string') return { text: content, reasoning: '' };
  let text = '';
  let reasoning = '';
  for (const part of content) {
    if (part.type === 'text') text += part.text ?? '';
    else if (part.type === 'thinking' && part.thinking != null) {
      reasoning += typeof part.thinking === 'string' ? part.thinking : part.thinking.map((piece) => piece.text ?? '').join('');
    }
  }
  return { text, reasoning };
}
