import { formatBrl, type Order } from '@vitrine/shared/schemas';
import { formatDate } from '../i18n/format';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/messages';
import { Facts, Muted, PlainList, Section } from './layout';

const DATES = ['placedAt', 'approvedAt', 'invoicedAt', 'shippedAt', 'deliveredAt', 'canceledAt'] as const;

export function OrderSection({ order }: { order: Order }) {
  const { t, locale } = useI18n();
  const money = (cents: number) => formatBrl(cents, locale);
  return (
    <Section id="order" title={t('order.title')}>
      <Facts>
        <dt>{t('order.status')}</dt>
        <dd>
          {t(`order.status.${order.status}` as MessageKey)}
          {order.sourceStatus && <Muted> ({order.sourceStatus})</Muted>}
        </dd>
        {DATES.filter((key) => order[key]).map((key) => (
          <Fact key={key} label={t(`order.${key}`)} value={formatDate(order[key]!, locale)} />
        ))}
      </Facts>
      <PlainList aria-label={t('order.items')}>
        {order.items.map((item) => (
          <li key={item.sku}>
            {t('order.itemLine', { quantity: item.quantity, name: item.name })} — {money(item.totalCents)}
          </li>
        ))}
      </PlainList>
      <Facts>
        {order.shippingCents > 0 && <Fact label={t('order.shipping')} value={money(order.shippingCents)} />}
        {order.discountCents > 0 && (
          <Fact label={t('order.discount')} value={`− ${money(order.discountCents)}`} />
        )}
        <Fact label={t('order.total')} value={money(order.totalCents)} />
      </Facts>
      {order.invoices.length === 0 ? (
        <Muted>{t('order.noInvoice')}</Muted>
      ) : (
        <PlainList>
          {order.invoices.map((invoice) => (
            <li key={invoice.accessKey}>
              {t('order.invoice', { number: invoice.number })}
              {invoice.series && ` ${t('order.invoiceSeries', { series: invoice.series })}`}
              {invoice.issuedAt && ` · ${formatDate(invoice.issuedAt, locale)}`}
            </li>
          ))}
        </PlainList>
      )}
    </Section>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}
