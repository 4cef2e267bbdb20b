// The orders service's queries. An order is written in one transaction with its items and its
// shipment, and the customer is found or created by email in the same transaction.
import { Prisma } from "@shop/db";
import type { DbClient } from "@shop/db";
import type { OrderSummary, OrderView } from "./model.ts";
import type { CreateOrderInput } from "./schemas.ts";

const ORDER_SELECT = {
  id: true,
  number: true,
  idempotencyKey: true,
  status: true,
  email: true,
  currency: true,
  subtotalMinor: true,
  shippingMinor: true,
  totalMinor: true,
  createdAt: true,
  shipName: true,
  shipLine1: true,
  shipLine2: true,
  shipCity: true,
  shipRegion: true,
  shipPostalCode: true,
  shipCountry: true,
  items: {
    select: {
      productId: true,
      productName: true,
      unitPriceMinor: true,
      quantity: true,
      lineTotalMinor: true,
    },
    orderBy: { id: "asc" },
  },
  shipment: {
    select: { method: true, carrier: true, status: true, trackingNumber: true, estimatedDeliveryAt: true },
  },
  payment: { select: { status: true, cardBrand: true, cardLast4: true } },
} satisfies Prisma.OrderSelect;

type OrderRow = Prisma.OrderGetPayload<{ select: typeof ORDER_SELECT }>;

export interface StoredOrder {
  id: number;
  idempotencyKey: string;
  view: OrderView;
}

function toStored(row: OrderRow): StoredOrder {
  return {
    id: row.id,
    idempotencyKey: row.idempotencyKey,
    view: {
      id: row.id,
      number: row.number,
      status: row.status,
      email: row.email,
      currency: row.currency.trim(),
      subtotalMinor: row.subtotalMinor,
      shippingMinor: row.shippingMinor,
      totalMinor: row.totalMinor,
      createdAt: row.createdAt,
      items: row.items,
      shippingAddress: {
        name: row.shipName,
        line1: row.shipLine1,
        line2: row.shipLine2,
        city: row.shipCity,
        region: row.shipRegion,
        postalCode: row.shipPostalCode,
        country: row.shipCountry.trim(),
      },
      shipment: row.shipment,
      payment: row.payment,
    },
  };
}

/** True when `error` is PostgreSQL refusing a duplicate on the given column. */
export function isUniqueViolation(error: unknown, column: string): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return false;
  return JSON.stringify(error.meta ?? {}).includes(column) || error.message.includes(column);
}

export class OrdersRepository {
  readonly #db: DbClient;

  constructor(db: DbClient) {
    this.#db = db;
  }

  async findByIdempotencyKey(idempotencyKey: string): Promise<StoredOrder | null> {
    const row = await this.#db.order.findUnique({ where: { idempotencyKey }, select: ORDER_SELECT });
    return row && toStored(row);
  }

  async findByNumber(number: string): Promise<StoredOrder | null> {
    const row = await this.#db.order.findUnique({ where: { number }, select: ORDER_SELECT });
    return row && toStored(row);
  }

  async create(
    input: CreateOrderInput,
    number: string,
    totals: { subtotalMinor: number; totalMinor: number },
  ): Promise<StoredOrder> {
    const row = await this.#db.$transaction(async (tx) => {
      const customer = await tx.customer.upsert({
        where: { email: input.customer.email },
        create: {
          email: input.customer.email,
          firstName: input.customer.firstName,
          lastName: input.customer.lastName,
        },
        update: { firstName: input.customer.firstName, lastName: input.customer.lastName },
        select: { id: true },
      });
      const address = input.shippingAddress;
      return tx.order.create({
        data: {
          number,
          idempotencyKey: input.idempotencyKey,
          customerId: customer.id,
          email: input.customer.email,
          currency: input.currency,
          subtotalMinor: totals.subtotalMinor,
          shippingMinor: input.shipping.costMinor,
          totalMinor: totals.totalMinor,
          shipName: address.name,
          shipLine1: address.line1,
          shipLine2: address.line2 ?? null,
          shipCity: address.city,
          shipRegion: address.region ?? null,
          shipPostalCode: address.postalCode,
          shipCountry: address.country,
          items: {
            create: input.items.map((item) => ({
              productId: item.productId,
              productName: item.productName,
              unitPriceMinor: item.unitPriceMinor,
              quantity: item.quantity,
              lineTotalMinor: item.unitPriceMinor * item.quantity,
            })),
          },
          shipment: {
            create: {
              method: input.shipping.method,
              zone: input.shipping.zone,
              carrier: input.shipping.carrier,
              costMinor: input.shipping.costMinor,
              estimatedDeliveryAt: input.shipping.estimatedDeliveryAt,
            },
          },
        },
        select: ORDER_SELECT,
      });
    });
    return toStored(row);
  }

  /** Newest first; `after` is the last order of the previous page. */
  async history(email: string, after: { createdAt: Date; id: number } | undefined, limit: number) {
    const rows = await this.#db.order.findMany({
      where: {
        email,
        ...(after
          ? {
              OR: [
                { createdAt: { lt: after.createdAt } },
                { createdAt: after.createdAt, id: { lt: after.id } },
              ],
            }
          : {}),
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit + 1,
      select: {
        id: true,
        number: true,
        status: true,
        currency: true,
        totalMinor: true,
        createdAt: true,
        _count: { select: { items: true } },
      },
    });
    return rows.map((row): OrderSummary & { id: number } => ({
      id: row.id,
      number: row.number,
      status: row.status,
      currency: row.currency.trim(),
      totalMinor: row.totalMinor,
      itemCount: row._count.items,
      createdAt: row.createdAt,
    }));
  }

  /**
   * Orders and revenue per minute and currency since `since`. A range on created_at (its own
   * index), so the console's poll stays cheap however long the order history grows.
   */
  async countsByMinute(
    since: Date,
  ): Promise<{ minute: Date; currency: string; orders: number; revenueMinor: number }[]> {
    const rows = await this.#db.$queryRaw<
      { minute: Date; currency: string; orders: number; revenue: bigint }[]
    >`
      select date_trunc('minute', created_at) as minute, currency, count(*)::int as orders,
             sum(total_minor)::bigint as revenue
        from orders
       where created_at >= ${since}
       group by 1, 2
       order by 1, 2`;
    return rows.map((row) => ({
      minute: row.minute,
      currency: row.currency.trim(),
      orders: row.orders,
      revenueMinor: Number(row.revenue),
    }));
  }

  async ping(): Promise<void> {
    await this.#db.$queryRaw`select 1`;
  }
}
