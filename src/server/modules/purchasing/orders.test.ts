import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/support/app.ts';
import {
  makeItem,
  makeSupplier,
  makeWorld,
  placeOrder,
  today,
  type World,
} from './purchasing.test-support.ts';

const ctx = useTestApp();
let w: World;
beforeAll(async () => {
  w = await makeWorld(ctx().app, ctx().database);
});

describe('purchase orders', () => {
  it('creates a draft PO-NNNN, edits it, places it and audits each step', async () => {
    const item = await makeItem(w);
    const other = await makeItem(w);
    const supplier = await makeSupplier(w, [item.id, other.id]);
    const created = await w.api.post(w.buyer, '/api/purchase-orders', {
      supplierId: supplier.id,
      supplierReference: 'SO-77',
      lines: [{ itemId: item.id, quantity: '100', dueDate: today(5) }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const po = created.json();
    expect(po.code).toMatch(/^PO-\d{4,}$/);
    expect(po).toMatchObject({
      status: 'draft',
      supplier: { id: supplier.id, code: supplier.code },
      lines: [
        { lineNo: 1, quantity: '100', unit: 'pcs', receivedQuantity: '0', openQuantity: '100' },
      ],
      receipts: [],
      returns: [],
    });

    const edited = await w.api.patch(w.buyer, `/api/purchase-orders/${po.id}`, {
      lines: [
        { itemId: item.id, quantity: '120.5', dueDate: today(5) },
        { itemId: other.id, quantity: '10', dueDate: today(9) },
      ],
      reason: 'Supplier confirmed quantities',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().lines.map((l: { quantity: string }) => l.quantity)).toEqual([
      '120.5',
      '10',
    ]);

    const placed = await w.api.post(w.buyer, `/api/purchase-orders/${po.id}/place`, {});
    expect(placed.json()).toMatchObject({ status: 'open' });
    expect(placed.json().placedAt).not.toBeNull();

    const again = await w.api.patch(w.buyer, `/api/purchase-orders/${po.id}`, {
      note: 'late edit',
      reason: 'x',
    });
    expect(again.json().code).toBe('PURCHASE_ORDER_NOT_DRAFT');

    const history = await w.api.get(
      w.admin,
      `/api/audit?entityType=purchase_order&entityId=${po.id}`,
    );
    expect(history.statusCode, history.body).toBe(200);
    const actions = history.json().items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'purchase_order.created',
        'purchase_order.updated',
        'purchase_order.placed',
      ]),
    );
  });

  it('refuses an item the supplier is not approved for', async () => {
    const approved = await makeItem(w);
    const notListed = await makeItem(w);
    const supplier = await makeSupplier(w, [approved.id]);
    const res = await w.api.post(w.buyer, '/api/purchase-orders', {
      supplierId: supplier.id,
      lines: [
        { itemId: approved.id, quantity: '5', dueDate: today(3) },
        { itemId: notListed.id, quantity: '5', dueDate: today(3) },
      ],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'SUPPLIER_NOT_APPROVED_FOR_ITEM' });
  });

  it('refuses a supplier still pending approval, for every item', async () => {
    const item = await makeItem(w);
    const supplier = await makeSupplier(w, [item.id], 'pending');
    const res = await w.api.post(w.buyer, '/api/purchase-orders', {
      supplierId: supplier.id,
      lines: [{ itemId: item.id, quantity: '5', dueDate: today(3) }],
    });
    expect(res.json()).toMatchObject({ code: 'SUPPLIER_NOT_APPROVED_FOR_ITEM' });
  });

  it('refuses a disqualified supplier, also when a draft is placed after the disqualification', async () => {
    const item = await makeItem(w);
    const gone = await makeSupplier(w, [item.id], 'disqualified');
    const res = await w.api.post(w.buyer, '/api/purchase-orders', {
      supplierId: gone.id,
      lines: [{ itemId: item.id, quantity: '5', dueDate: today(3) }],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'SUPPLIER_DISQUALIFIED' });

    const supplier = await makeSupplier(w, [item.id]);
    const draft = await w.api.post(w.buyer, '/api/purchase-orders', {
      supplierId: supplier.id,
      lines: [{ itemId: item.id, quantity: '5', dueDate: today(3) }],
    });
    expect(draft.statusCode).toBe(201);
    const disqualify = await w.api.post(w.admin, `/api/suppliers/${supplier.id}/status`, {
      status: 'disqualified',
      reason: 'Failed audit',
      signature: { username: w.admin.username, password: w.admin.password, meaning: 'rejected' },
    });
    expect(disqualify.statusCode, disqualify.body).toBe(200);
    const place = await w.api.post(w.buyer, `/api/purchase-orders/${draft.json().id}/place`, {});
    expect(place.json()).toMatchObject({ code: 'SUPPLIER_DISQUALIFIED' });
  });

  it('refuses an untracked item and a unit other than the item’s', async () => {
    const untracked = await makeItem(w, { tracking: 'none' });
    const item = await makeItem(w);
    const supplier = await makeSupplier(w, [untracked.id, item.id]);
    const res = await w.api.post(w.buyer, '/api/purchase-orders', {
      supplierId: supplier.id,
      lines: [{ itemId: untracked.id, quantity: '5', dueDate: today(3) }],
    });
    expect(res.json()).toMatchObject({ code: 'PURCHASE_ORDER_ITEM_NOT_PURCHASABLE' });
    const unit = await w.api.post(w.buyer, '/api/purchase-orders', {
      supplierId: supplier.id,
      lines: [{ itemId: item.id, quantity: '5', unit: 'kg', dueDate: today(3) }],
    });
    expect(unit.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('cancels and closes with a reason, and refuses the wrong transitions', async () => {
    const item = await makeItem(w);
    const supplier = await makeSupplier(w, [item.id]);
    const po = await placeOrder(w, supplier.id, [{ itemId: item.id, quantity: '5' }]);
    const noReason = await w.api.post(w.buyer, `/api/purchase-orders/${po.id}/cancel`, {});
    expect(noReason.statusCode).toBe(400);
    const cancelled = await w.api.post(w.buyer, `/api/purchase-orders/${po.id}/cancel`, {
      reason: 'Ordered twice',
    });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', statusReason: 'Ordered twice' });
    const close = await w.api.post(w.buyer, `/api/purchase-orders/${po.id}/close`, {
      reason: 'x',
    });
    expect(close.json()).toMatchObject({ code: 'PURCHASE_ORDER_STATUS_TRANSITION' });
    const place = await w.api.post(w.buyer, `/api/purchase-orders/${po.id}/place`, {});
    expect(place.json()).toMatchObject({ code: 'PURCHASE_ORDER_STATUS_TRANSITION' });
  });

  it('lists with filters, search and paging, exports CSV, and needs purchasing.manage to write', async () => {
    const item = await makeItem(w);
    const supplier = await makeSupplier(w, [item.id]);
    const po = await placeOrder(w, supplier.id, [{ itemId: item.id, quantity: '7' }]);
    const bySupplier = await w.api.get(
      w.receiver,
      `/api/purchase-orders?supplierId=${supplier.id}`,
    );
    expect(bySupplier.json()).toMatchObject({ total: 1, items: [{ id: po.id }] });
    const byCode = await w.api.get(w.receiver, `/api/purchase-orders?q=${po.code}`);
    expect(byCode.json().items.map((p: { id: string }) => p.id)).toContain(po.id);
    const bySupplierCode = await w.api.get(w.receiver, `/api/purchase-orders?q=${supplier.code}`);
    expect(bySupplierCode.json().items.map((p: { id: string }) => p.id)).toEqual([po.id]);
    const byItem = await w.api.get(
      w.receiver,
      `/api/purchase-orders?itemId=${item.id}&status=open`,
    );
    expect(byItem.json().total).toBe(1);
    const receivable = await w.api.get(w.receiver, '/api/purchase-orders?receivable=true&limit=1');
    expect(receivable.json().items).toHaveLength(1);
    const csv = await w.api.get(
      w.receiver,
      `/api/purchase-orders/export.csv?supplierId=${supplier.id}`,
    );
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain(po.code);
    expect(csv.body).toContain(item.code);
    const forbidden = await w.api.post(w.receiver, '/api/purchase-orders', {
      supplierId: supplier.id,
      lines: [{ itemId: item.id, quantity: '1', dueDate: today(1) }],
    });
    expect(forbidden.statusCode).toBe(403);
    const missing = await w.api.get(
      w.receiver,
      '/api/purchase-orders/00000000-0000-7000-8000-000000000000',
    );
    expect(missing.json()).toMatchObject({ code: 'PURCHASE_ORDER_NOT_FOUND' });
  });
});
