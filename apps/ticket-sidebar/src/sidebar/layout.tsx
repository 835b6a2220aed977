import styled from 'styled-components';
import type { ReactNode } from 'react';
import { MD } from '@zendeskgarden/react-typography';

/** Garden's grey-300 (rules) and grey-700 (secondary text, AA contrast on white). */
const RULE = '#d8dcde';
const SECONDARY_TEXT = '#5c6970';

/** Compact building blocks for a 320 px panel that also stretches when the sidebar is widened. */
export const Panel = styled.main`
  display: flex;
  flex-direction: column;
  gap: ${(p) => p.theme.space.sm};
  padding: ${(p) => p.theme.space.sm};
  font-size: ${(p) => p.theme.fontSizes.sm};
  min-width: 0;
`;

const StyledSection = styled.section`
  border-top: ${(p) => p.theme.borders.sm} ${RULE};
  padding-top: ${(p) => p.theme.space.xs};
  min-width: 0;
`;

export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <StyledSection aria-labelledby={`${id}-title`}>
      <MD isBold id={`${id}-title`} tag="h2">
        {title}
      </MD>
      {children}
    </StyledSection>
  );
}

/** A label/value list: "Situação — Enviado". */
export const Facts = styled.dl`
  display: grid;
  grid-template-columns: max-content minmax(0, 1fr);
  gap: 2px ${(p) => p.theme.space.xs};
  margin: ${(p) => p.theme.space.xxs} 0;

  dt {
    color: ${SECONDARY_TEXT};
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
`;

export const PlainList = styled.ul`
  list-style: none;
  margin: ${(p) => p.theme.space.xxs} 0;
  padding: 0;

  > li {
    padding: 2px 0;
    overflow-wrap: anywhere;
  }
`;

export const Muted = styled.span`
  color: ${SECONDARY_TEXT};
`;

export const Row = styled.div`
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: ${(p) => p.theme.space.xxs} ${(p) => p.theme.space.xs};
`;
