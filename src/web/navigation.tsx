import {
  ApartmentOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BarcodeOutlined,
  ContactsOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  ExperimentOutlined,
  FileSyncOutlined,
  FileTextOutlined,
  IdcardOutlined,
  ImportOutlined,
  InfoCircleOutlined,
  LineChartOutlined,
  NodeIndexOutlined,
  PartitionOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  ShopOutlined,
  ShoppingCartOutlined,
  TagsOutlined,
  TeamOutlined,
  ToolOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Permission } from '../shared/permissions.ts';
import type en from './i18n/en.ts';
import { AuditTrailPage } from './modules/audit/AuditTrailPage.tsx';
import { ChangeDetailPage } from './modules/changes/ChangeDetailPage.tsx';
import { ChangesPage } from './modules/changes/ChangesPage.tsx';
import {
  DocumentDetailPage,
  DocumentVersionRedirect,
} from './modules/documents/DocumentDetailPage.tsx';
import { DocumentsPage } from './modules/documents/DocumentsPage.tsx';
import { BomVersionPage } from './modules/engineering/BomVersionPage.tsx';
import { RoutingVersionPage } from './modules/engineering/RoutingVersionPage.tsx';
import { BomsPage, RoutingsPage } from './modules/engineering/VersionsPage.tsx';
import { RoleDetailPage } from './modules/identity/RoleDetailPage.tsx';
import { RolesPage } from './modules/identity/RolesPage.tsx';
import { UserDetailPage } from './modules/identity/UserDetailPage.tsx';
import { ItemDetailPage } from './modules/items/ItemDetailPage.tsx';
import { ItemsPage } from './modules/items/ItemsPage.tsx';
import { CustomerDetailPage } from './modules/partners/CustomerDetailPage.tsx';
import { CustomersPage } from './modules/partners/CustomersPage.tsx';
import { SupplierDetailPage } from './modules/partners/SupplierDetailPage.tsx';
import { SuppliersPage } from './modules/partners/SuppliersPage.tsx';
import { EquipmentDetailPage } from './modules/plant/EquipmentDetailPage.tsx';
import { EquipmentPage } from './modules/plant/EquipmentPage.tsx';
import { LocationsPage } from './modules/plant/LocationsPage.tsx';
import { QualificationsPage } from './modules/plant/QualificationsPage.tsx';
import { UsersPage } from './modules/identity/UsersPage.tsx';
import { UdiPage } from './modules/udi/UdiPage.tsx';
import { InspectionDetailPage } from './modules/inspection/InspectionDetailPage.tsx';
import { InspectionPlansPage } from './modules/inspection/InspectionPlansPage.tsx';
import { InspectionsPage } from './modules/inspection/InspectionsPage.tsx';
import { NonconformancesPage } from './modules/inspection/NonconformancesPage.tsx';
import { LotDetailPage } from './modules/lots/LotDetailPage.tsx';
import { LotsPage } from './modules/lots/LotsPage.tsx';
import { StockPage } from './modules/lots/StockPage.tsx';
import { PurchaseOrderDetailPage } from './modules/purchasing/PurchaseOrderDetailPage.tsx';
import { PurchaseOrdersPage } from './modules/purchasing/PurchaseOrdersPage.tsx';
import { ReceivingPage } from './modules/purchasing/ReceivingPage.tsx';
import { ScorecardPage } from './modules/purchasing/ScorecardPage.tsx';
import { AboutPage } from './pages/AboutPage.tsx';
import { OverviewPage } from './pages/OverviewPage.tsx';

/** Menu sections; an entry without a group sits at the top of the menu. */
export type NavGroup = keyof typeof en.navGroup;

export interface NavEntry {
  /** Stable id: the menu key and the `nav-<key>` test id. */
  key: string;
  /** Route path; entries below it (e.g. /lots/:id) belong to it in the menu. */
  path: string;
  icon: ReactNode;
  /** Menu label: a key under `nav` in the i18n resources. */
  labelKey: `nav.${keyof typeof en.nav}`;
  element: ReactNode;
  /** Needed to see the entry and open its screens; without it the menu hides it and the route answers 403. */
  permission?: Permission;
  group?: NavGroup;
  /** Further screens of the entry (details, forms), under the same permission. */
  routes?: { path: string; element: ReactNode }[];
}

// The left menu and the app's top-level routes, in menu order. A module adds
// its screens by appending an entry here (and its label to nav.* in i18n).
export const NAVIGATION: NavEntry[] = [
  {
    key: 'overview',
    path: '/',
    icon: <DashboardOutlined />,
    labelKey: 'nav.overview',
    element: <OverviewPage />,
  },
  {
    key: 'items',
    path: '/items',
    icon: <AppstoreOutlined />,
    labelKey: 'nav.items',
    element: <ItemsPage />,
    permission: 'item.read',
    group: 'masterData',
    routes: [{ path: '/items/:id', element: <ItemDetailPage /> }],
  },
  {
    key: 'suppliers',
    path: '/suppliers',
    icon: <ShopOutlined />,
    labelKey: 'nav.suppliers',
    element: <SuppliersPage />,
    permission: 'supplier.read',
    group: 'masterData',
    routes: [{ path: '/suppliers/:id', element: <SupplierDetailPage /> }],
  },
  {
    key: 'customers',
    path: '/customers',
    icon: <ContactsOutlined />,
    labelKey: 'nav.customers',
    element: <CustomersPage />,
    permission: 'customer.read',
    group: 'masterData',
    routes: [{ path: '/customers/:id', element: <CustomerDetailPage /> }],
  },
  {
    key: 'locations',
    path: '/locations',
    icon: <ApartmentOutlined />,
    labelKey: 'nav.locations',
    element: <LocationsPage />,
    permission: 'location.read',
    group: 'masterData',
  },
  {
    key: 'equipment',
    path: '/equipment',
    icon: <ToolOutlined />,
    labelKey: 'nav.equipment',
    element: <EquipmentPage />,
    permission: 'equipment.read',
    group: 'masterData',
    routes: [{ path: '/equipment/:id', element: <EquipmentDetailPage /> }],
  },
  {
    key: 'qualifications',
    path: '/qualifications',
    icon: <IdcardOutlined />,
    labelKey: 'nav.qualifications',
    element: <QualificationsPage />,
    permission: 'qualification.read',
    group: 'masterData',
  },
  {
    key: 'purchaseOrders',
    path: '/purchase-orders',
    icon: <ShoppingCartOutlined />,
    labelKey: 'nav.purchaseOrders',
    element: <PurchaseOrdersPage />,
    permission: 'purchasing.read',
    group: 'purchasing',
    routes: [{ path: '/purchase-orders/:id', element: <PurchaseOrderDetailPage /> }],
  },
  {
    key: 'scorecard',
    path: '/supplier-scorecard',
    icon: <LineChartOutlined />,
    labelKey: 'nav.scorecard',
    element: <ScorecardPage />,
    permission: 'purchasing.read',
    group: 'purchasing',
  },
  {
    key: 'receiving',
    path: '/receiving',
    icon: <ImportOutlined />,
    labelKey: 'nav.receiving',
    element: <ReceivingPage />,
    permission: 'receiving.perform',
    group: 'warehouse',
  },
  {
    key: 'lots',
    path: '/lots',
    icon: <TagsOutlined />,
    labelKey: 'nav.lots',
    element: <LotsPage />,
    permission: 'lot.read',
    group: 'warehouse',
    routes: [{ path: '/lots/:id', element: <LotDetailPage /> }],
  },
  {
    key: 'stock',
    path: '/stock',
    icon: <DatabaseOutlined />,
    labelKey: 'nav.stock',
    element: <StockPage />,
    permission: 'lot.read',
    group: 'warehouse',
  },
  {
    key: 'documents',
    path: '/documents',
    icon: <FileTextOutlined />,
    labelKey: 'nav.documents',
    element: <DocumentsPage />,
    permission: 'document.read',
    group: 'engineering',
    routes: [
      { path: '/documents/versions/:id', element: <DocumentVersionRedirect /> },
      { path: '/documents/:id', element: <DocumentDetailPage /> },
    ],
  },
  {
    key: 'boms',
    path: '/boms',
    icon: <PartitionOutlined />,
    labelKey: 'nav.boms',
    element: <BomsPage />,
    permission: 'engineering.read',
    group: 'engineering',
    routes: [{ path: '/boms/:id', element: <BomVersionPage /> }],
  },
  {
    key: 'routings',
    path: '/routings',
    icon: <NodeIndexOutlined />,
    labelKey: 'nav.routings',
    element: <RoutingsPage />,
    permission: 'engineering.read',
    group: 'engineering',
    routes: [{ path: '/routings/:id', element: <RoutingVersionPage /> }],
  },
  {
    key: 'changes',
    path: '/changes',
    icon: <FileSyncOutlined />,
    labelKey: 'nav.changes',
    element: <ChangesPage />,
    permission: 'change.read',
    group: 'engineering',
    routes: [{ path: '/changes/:id', element: <ChangeDetailPage /> }],
  },
  {
    key: 'udi',
    path: '/udi',
    icon: <BarcodeOutlined />,
    labelKey: 'nav.udi',
    element: <UdiPage />,
    group: 'tools',
  },
  {
    key: 'inspections',
    path: '/inspections',
    icon: <ExperimentOutlined />,
    labelKey: 'nav.inspections',
    element: <InspectionsPage />,
    permission: 'inspection.read',
    group: 'quality',
    routes: [{ path: '/inspections/:id', element: <InspectionDetailPage /> }],
  },
  {
    key: 'inspectionPlans',
    path: '/inspection-plans',
    icon: <ProfileOutlined />,
    labelKey: 'nav.inspectionPlans',
    element: <InspectionPlansPage />,
    permission: 'inspection.read',
    group: 'quality',
  },
  {
    key: 'nonconformances',
    path: '/nonconformances',
    icon: <WarningOutlined />,
    labelKey: 'nav.nonconformances',
    element: <NonconformancesPage />,
    permission: 'nonconformance.read',
    group: 'quality',
  },
  {
    key: 'audit',
    path: '/audit',
    icon: <AuditOutlined />,
    labelKey: 'nav.audit',
    element: <AuditTrailPage />,
    permission: 'audit.read',
    group: 'quality',
  },
  {
    key: 'users',
    path: '/admin/users',
    icon: <TeamOutlined />,
    labelKey: 'nav.users',
    element: <UsersPage />,
    permission: 'user.read',
    group: 'administration',
    routes: [{ path: '/admin/users/:id', element: <UserDetailPage /> }],
  },
  {
    key: 'roles',
    path: '/admin/roles',
    icon: <SafetyCertificateOutlined />,
    labelKey: 'nav.roles',
    element: <RolesPage />,
    permission: 'role.read',
    group: 'administration',
    routes: [{ path: '/admin/roles/:key', element: <RoleDetailPage /> }],
  },
  {
    key: 'about',
    path: '/about',
    icon: <InfoCircleOutlined />,
    labelKey: 'nav.about',
    element: <AboutPage />,
    group: 'administration',
  },
];

/** The entries a person with these permissions sees. */
export function visibleNavEntries(
  permissions: readonly string[],
  entries: readonly NavEntry[] = NAVIGATION,
): NavEntry[] {
  return entries.filter((entry) => !entry.permission || permissions.includes(entry.permission));
}

/** The entry a location belongs to: the longest path that is it or a parent of it. */
export function activeNavEntry(pathname: string, entries: readonly NavEntry[] = NAVIGATION) {
  let best: NavEntry | undefined;
  for (const entry of entries) {
    const matches =
      entry.path === '/'
        ? pathname === '/'
        : pathname === entry.path || pathname.startsWith(`${entry.path}/`);
    if (matches && (!best || entry.path.length > best.path.length)) best = entry;
  }
  return best;
}
