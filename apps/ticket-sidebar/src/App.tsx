import { useEffect, useState, type ComponentType } from 'react';
import { createGlobalStyle } from 'styled-components';
import { ThemeProvider } from '@zendeskgarden/react-theming';
import { I18nProvider } from './i18n/I18nProvider';
import { localeFor, type Locale } from './i18n/messages';
import { TicketSidebar } from './sidebar/TicketSidebar';
import { agentLocale } from './prefetch';
import { ClientProvider } from './zaf/ClientProvider';
import { requestTicketContext } from './context/useTicketContext';
import { ticketTarget } from './context/target';
import { useLocation, useZafSession } from './zaf/hooks';
import type { ZafClient } from './zaf/types';

/** The iframe page itself: Zendesk's system font and no browser margins (Garden styles components only). */
const PageStyle = createGlobalStyle`
  body {
    margin: 0;
    font-family: ${(p) => p.theme.fonts.system};
    font-size: ${(p) => p.theme.fontSizes.md};
    line-height: ${(p) => p.theme.lineHeights.md};
    color: ${(p) => p.theme.palette.grey?.[800] ?? '#2f3941'};
    -webkit-font-smoothing: antialiased;
  }
`;

/** One component per ZAF location; adding a location is one line. */
const LOCATIONS: Record<string, ComponentType> = {
  ticket_sidebar: TicketSidebar,
  new_ticket_sidebar: TicketSidebar,
};

function LocalizedLocation() {
  const session = useZafSession();
  const { client } = session;
  const location = useLocation();
  const [locale, setLocale] = useState<Locale | null>(null);
  useEffect(() => {
    let active = true;
    // The context request does not wait for the locale: one round trip less before the panel fills.
    const target = ticketTarget(session.context, session.metadata);
    if (target) requestTicketContext(client, target).catch(() => undefined);
    agentLocale(client)
      .then((value) => active && setLocale(localeFor(typeof value === 'string' ? value : undefined)))
      .catch(() => active && setLocale('pt-BR'));
    return () => {
      active = false;
    };
  }, [client, session]);
  if (!locale) return null;
  const Location = LOCATIONS[location];
  return <I18nProvider locale={locale}>{Location ? <Location /> : null}</I18nProvider>;
}

export function App({ client }: { client: ZafClient }) {
  return (
    <ThemeProvider>
      <PageStyle />
      <ClientProvider client={client}>
        <LocalizedLocation />
      </ClientProvider>
    </ThemeProvider>
  );
}
