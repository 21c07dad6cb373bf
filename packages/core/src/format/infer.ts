// The types that the spec declares, computed from it: `Infer` is the value of a valid node (the
// claims.yaml document, or any part of it), `Draft` what the validating walk reads from a node that
// may hold errors. Nothing here restates the format: change the spec, and the types follow.
import type { TimeScope } from '../dates.js';
import type { Place } from '../types.js';
import type { TextReading } from './exclude-pattern.js';

type Simplify<T> = { [K in keyof T]: T[K] } & {};

type FieldsOf<S> = S extends { readonly fields: infer F } ? F : never;
type RequiredOf<S> = S extends { readonly required: readonly (infer K)[] } ? K : never;
type ChoiceOf<S> = S extends { readonly exactlyOne: readonly (infer K)[] } ? K : never;

/** A list of exactly N items. */
type Tuple<T, N extends number, Items extends readonly T[] = readonly []> = Items['length'] extends N ? Items : Tuple<T, N, readonly [...Items, T]>;

/** The fields of an object: the required ones always there, the others optional. */
type InferFields<F, R> = Simplify<
  { -readonly [K in keyof F as K extends R ? K : never]: Infer<F[K]> } & { -readonly [K in keyof F as K extends R ? never : K]?: Infer<F[K]> }
>;

/** An object with `exactlyOne` of some fields: one type per choice, the other choices absent. */
type OneChoice<T, X extends keyof T> = {
  [K in X]: Simplify<Omit<T, X> & { [P in K]-?: Exclude<T[P], undefined> } & { [P in Exclude<X, K>]?: never }>;
}[X];

type InferObject<S> = [ChoiceOf<S>] extends [never]
  ? InferFields<FieldsOf<S>, RequiredOf<S>>
  : OneChoice<InferFields<FieldsOf<S>, RequiredOf<S>>, ChoiceOf<S> & keyof InferFields<FieldsOf<S>, RequiredOf<S>>>;

/** The value of a valid node of spec S. */
export type Infer<S> = S extends { readonly read: (text: string) => TextReading<infer T> }
  ? T
  : S extends { readonly kind: 'string'; readonly enum: readonly (infer E)[] }
    ? E
    : S extends { readonly kind: 'string' }
      ? string
      : S extends { readonly kind: 'number' }
        ? number
        : S extends { readonly kind: 'boolean' }
          ? boolean
          : S extends { readonly kind: 'date' }
            ? TimeScope
            : S extends { readonly kind: 'oneOf'; readonly options: readonly (infer O)[] }
              ? Infer<O>
              : S extends { readonly kind: 'array'; readonly items: infer I; readonly minItems: infer N extends number; readonly maxItems: infer M }
                ? M extends N
                  ? Tuple<Infer<I>, N>
                  : Infer<I>[]
                : S extends { readonly kind: 'array'; readonly items: infer I }
                  ? Infer<I>[]
                  : S extends { readonly kind: 'map'; readonly values: infer V }
                    ? Record<string, Infer<V>>
                    : S extends { readonly kind: 'object' }
                      ? InferObject<S>
                      : never;

/** A mapping read from YAML, as far as it is valid: where it stands, and where each field's value stands. */
export interface DraftPlaces<F> {
  $place: Place;
  $at: { [K in keyof F]?: Place };
}

/** One entry of a map: its key (kept even when it is not a valid id) and its value, when valid. */
export interface DraftEntry<V> {
  key: string;
  keyPlace: Place;
  value: Draft<V> | undefined;
}

/**
 * What the walk reads from a node of spec S, whatever errors it holds: a scalar or a tuple is there
 * only when valid; a mapping is there when it is a mapping, with the fields that are valid (and
 * none when two fields exclude each other); a list keeps each item at its position (undefined
 * where the item is not valid); a map keeps every entry. A draft without errors is an `Infer<S>`
 * with places.
 */
export type Draft<S> = S extends { readonly kind: 'object' }
  ? { [K in keyof FieldsOf<S>]?: Draft<FieldsOf<S>[K]> } & DraftPlaces<FieldsOf<S>>
  : S extends { readonly kind: 'map'; readonly values: infer V }
    ? DraftEntry<V>[]
    : S extends { readonly kind: 'array'; readonly items: infer I; readonly minItems: infer N; readonly maxItems: infer M }
      ? M extends N
        ? Infer<S>
        : (Draft<I> | undefined)[]
      : S extends { readonly kind: 'array'; readonly items: infer I }
        ? (Draft<I> | undefined)[]
        : S extends { readonly kind: 'oneOf'; readonly options: readonly (infer O)[] }
          ? Draft<O>
          : Infer<S>;
