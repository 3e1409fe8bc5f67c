import { createContext, useContext, useMemo, type ReactNode } from 'react';

/**
 * One translation as the components read it: a label set per component, by its id (`usersTable`, `sectionState`,
 * …). The typed whole is `UserscopeMessages` (pages); components only look up their own set here.
 */
export type LabelSets = Readonly<Record<string, object>>;

const LabelsContext = createContext<LabelSets | null>(null);

/** Props of {@link LabelSetsProvider}. */
export interface LabelSetsProviderProps {
  /** The label sets of a translation, by component id. */
  sets: LabelSets;
  /** The tree whose components read them. */
  children?: ReactNode;
}

/** Gives every userscope component below it its label set from `sets` (the typed wrapper is `MessagesProvider`). */
export function LabelSetsProvider({ sets, children }: LabelSetsProviderProps) {
  return <LabelsContext.Provider value={sets}>{children}</LabelsContext.Provider>;
}

/** The label set with id `id` of the nearest {@link LabelSetsProvider}, if any. */
export function useLabelSet<L extends object>(id: string): Partial<L> | undefined {
  return useContext(LabelsContext)?.[id] as Partial<L> | undefined;
}

/**
 * A component's strings: its English `defaults`, then its set from the nearest translation (`MessagesProvider`),
 * then the `labels` prop it was given (only defined values count).
 */
export function useLabels<L extends object>(id: string, defaults: L, props: Partial<L> | undefined): L {
  const fromContext = useLabelSet<L>(id);
  return useMemo(() => overlayLabels(defaults, fromContext, props), [defaults, fromContext, props]);
}

/** `defaults` with the defined values of each overlay laid over it, in order; keys not in `defaults` are ignored. */
export function overlayLabels<L extends object>(defaults: L, ...overlays: ReadonlyArray<Partial<L> | undefined>): L {
  const out = { ...defaults };
  for (const overlay of overlays) {
    if (!overlay) continue;
    for (const key of Object.keys(defaults) as Array<keyof L>) {
      const value = overlay[key];
      if (value !== undefined) out[key] = value as L[keyof L];
    }
  }
  return out;
}
