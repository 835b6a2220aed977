import {
  formatBrl,
  isNegativeReview,
  type Complaint,
  type Exchange,
  type Review,
} from '@vitrine/shared/schemas';
import { formatDate } from '../i18n/format';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/messages';
import { Muted, PlainList, Section } from './layout';

/**
 * Exchanges, reviews and complaints come from sources a tenant may not have connected. The context
 * omits the list when the source is absent (no section at all) and sends [] when it is connected
 * but has nothing for this customer (section with "none").
 */
export function ExchangesSection({ exchanges }: { exchanges: Exchange[] }) {
  const { t, locale } = useI18n();
  return (
    <Section id="exchanges" title={t('exchanges.title')}>
      {exchanges.length === 0 ? (
        <Muted>{t('exchanges.none')}</Muted>
      ) : (
        <PlainList>
          {exchanges.map((exchange) => (
            <li key={`${exchange.source}-${exchange.externalId}`}>
              {t(`exchanges.kind.${exchange.kind}` as MessageKey)} ·{' '}
              {t(`exchanges.status.${exchange.status}` as MessageKey)} ·{' '}
              {formatBrl(exchange.amountCents, locale)}{' '}
              <Muted>{formatDate(exchange.createdAt, locale)}</Muted>
              {exchange.reason && <div>{exchange.reason}</div>}
            </li>
          ))}
        </PlainList>
      )}
    </Section>
  );
}

export function ReviewsSection({ reviews }: { reviews: Review[] }) {
  const { t, locale } = useI18n();
  return (
    <Section id="reviews" title={t('reviews.title')}>
      {reviews.length === 0 ? (
        <Muted>{t('reviews.none')}</Muted>
      ) : (
        <PlainList>
          {reviews.map((review) => (
            <li key={`${review.source}-${review.externalId}`} data-negative={isNegativeReview(review)}>
              <strong>{t('reviews.stars', { rating: review.rating })}</strong> {review.product.name}{' '}
              <Muted>{formatDate(review.createdAt, locale)}</Muted>
              {review.text && <div>“{review.text}”</div>}
            </li>
          ))}
        </PlainList>
      )}
    </Section>
  );
}

export function ComplaintsSection({ complaints }: { complaints: Complaint[] }) {
  const { t, locale } = useI18n();
  return (
    <Section id="complaints" title={t('complaints.title')}>
      {complaints.length === 0 ? (
        <Muted>{t('complaints.none')}</Muted>
      ) : (
        <PlainList>
          {complaints.map((complaint) => (
            <li key={`${complaint.source}-${complaint.externalId}`}>
              <strong>{complaint.title}</strong> · {t(`complaints.status.${complaint.status}` as MessageKey)}{' '}
              <Muted>{formatDate(complaint.createdAt, locale)}</Muted>
            </li>
          ))}
        </PlainList>
      )}
    </Section>
  );
}
