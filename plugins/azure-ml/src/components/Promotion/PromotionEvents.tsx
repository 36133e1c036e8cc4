import {
  createContext,
  ReactNode,
  useCallback,
  useContext,
  useMemo,
  useState,
} from 'react';

interface PromotionEvents {
  /** Moves on whenever a promotion was requested, decided or has ended on this page. */
  generation: number;
  changed: () => void;
}

const PromotionEventsContext = createContext<PromotionEvents>({
  generation: 0,
  changed: () => {},
});

/**
 * Lets the cards of one page tell each other that promotions changed: a new request shows up
 * in the history at once, and a promotion that succeeded shows its prod version in the
 * versions table without a reload.
 */
export function PromotionEventsProvider(props: { children: ReactNode }) {
  const [generation, setGeneration] = useState(0);
  const changed = useCallback(() => setGeneration(g => g + 1), []);
  const value = useMemo(() => ({ generation, changed }), [generation, changed]);
  return (
    <PromotionEventsContext.Provider value={value}>
      {props.children}
    </PromotionEventsContext.Provider>
  );
}

export function usePromotionEvents(): PromotionEvents {
  return useContext(PromotionEventsContext);
}
