import {
  DownOutlined,
  KeyOutlined,
  LockOutlined,
  LogoutOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Avatar, Button, Dropdown, Flex, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSignOut } from '../auth/sign-out.ts';
import { useSession } from '../auth/session.ts';

/** The signed-in person (printed name and user name) with their account links and sign-out. */
export function UserMenu({ restricted = false }: { restricted?: boolean }) {
  const { t } = useTranslation();
  const me = useSession();
  const navigate = useNavigate();
  const signOut = useSignOut();

  const account: MenuProps['items'] = restricted
    ? []
    : [
        {
          key: 'password',
          icon: <LockOutlined />,
          label: <span data-testid="user-menu-password">{t('userMenu.changePassword')}</span>,
          onClick: () => void navigate('/account/password'),
        },
        {
          key: 'tokens',
          icon: <KeyOutlined />,
          label: <span data-testid="user-menu-tokens">{t('userMenu.apiTokens')}</span>,
          onClick: () => void navigate('/account/tokens'),
        },
        { type: 'divider' },
      ];
  const items: MenuProps['items'] = [
    {
      key: 'who',
      type: 'group',
      label: (
        <Flex vertical className="user-menu-who">
          <Typography.Text strong>{me.user.fullName}</Typography.Text>
          <Typography.Text type="secondary" className="mono">
            {me.user.username}
          </Typography.Text>
        </Flex>
      ),
    },
    { type: 'divider' },
    ...account,
    {
      key: 'logout',
      icon: <LogoutOutlined />,
      label: <span data-testid="user-menu-logout">{t('userMenu.signOut')}</span>,
      onClick: () => signOut(),
    },
  ];

  return (
    <Dropdown menu={{ items }} trigger={['click']} placement="bottomRight">
      <Button type="text" data-testid="user-menu" className="user-menu-button">
        <Flex align="center" gap={8}>
          <Avatar size={24} icon={<UserOutlined />} className="user-menu-avatar" />
          <span className="user-menu-name" data-testid="user-menu-name">
            {me.user.fullName}
          </span>
          <Typography.Text type="secondary" className="user-menu-username mono">
            {me.user.username}
          </Typography.Text>
          <DownOutlined className="user-menu-caret" />
        </Flex>
      </Button>
    </Dropdown>
  );
}
