import { createVoice, pickLocale, systemClock, type Voice } from '@sendwell/core';
import { createContext, type ReactNode, useContext } from 'react';
import type { ApiClient } from './client';
import type { Session } from './session';

/** What every page of a signed-in person needs: who they are, the API, and core's voice. */
export interface AppServices {
  session: Session;
  api: ApiClient;
  voice: Voice;
}

const ServicesContext = createContext<AppServices | null>(null);

export function ServicesProvider(props: { services: AppServices; children: ReactNode }) {
  return <ServicesContext.Provider value={props.services}>{props.children}</ServicesContext.Provider>;
}

function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside ServicesProvider: the page needs a signed-in session.');
  return services;
}

/** The `/api/v1` client, carrying the session token. */
export const useApi = (): ApiClient => useServices().api;
/** The signed-in person (`role` decides whether Admin shows). */
export const useSession = (): Session => useServices().session;
/** Core's words (statuses, bounce reasons, times) in the browser's language. */
export const useVoice = (): Voice => useServices().voice;

/** Core's voice for this browser: its language (English or Simplified Chinese) and time zone. */
export function browserVoice(): Voice {
  return createVoice({
    locale: pickLocale(navigator.language),
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    clock: systemClock,
  });
}
