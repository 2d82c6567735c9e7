import { type Clock, createVoice, pickLocale, type Voice } from '@sendwell/core';
import { createContext, type ReactNode, useContext, useEffect, useMemo } from 'react';

const VoiceContext = createContext<Voice | null>(null);

/**
 * Core's one voice for the pane: Office's display language picks the words, the browser's time zone
 * the clock times, and the injected clock "now".
 */
export function VoiceProvider(props: {
  displayLanguage: string;
  timeZone: string;
  clock: Clock;
  children: ReactNode;
}) {
  const { displayLanguage, timeZone, clock } = props;
  const voice = useMemo(
    () => createVoice({ locale: pickLocale(displayLanguage), timeZone, clock }),
    [displayLanguage, timeZone, clock],
  );
  // Screen readers pick their voice from the page's language: say which one the pane speaks.
  useEffect(() => {
    document.documentElement.lang = voice.locale;
  }, [voice.locale]);
  return <VoiceContext.Provider value={voice}>{props.children}</VoiceContext.Provider>;
}

export function useVoice(): Voice {
  const voice = useContext(VoiceContext);
  if (!voice) throw new Error('useVoice outside VoiceProvider');
  return voice;
}

/** The browser's IANA zone (the rep's), UTC when the browser does not say. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
