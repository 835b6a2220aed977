export { buildTicketContext, ticketCustomerKeys, reasonOf, type ContextDeps } from './build-context';
export { findOrdersBy, loadOrders, linkTicketToOrder, LookupValueError, type LookupResult } from './lookup';
export { parseLinkReasons } from './link-reasons';
