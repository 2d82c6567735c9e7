import {
  Badge,
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { templatePageSchema } from '@sendwell/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { useApiQuery } from '../../api/queries';
import { Loaded, Page } from '../../ui/Page';

/** The templates this rep can use: their own and the team's (editable ones open in the editor). */
export function TemplatesPage() {
  const navigate = useNavigate();
  const templates = useApiQuery('/templates', { query: { limit: 100 }, schema: templatePageSchema });
  return (
    <Page title="Templates" testId="web-templates">
      <div>
        <Button
          appearance="primary"
          icon={<AddRegular />}
          onClick={() => navigate({ to: '/templates/$templateId', params: { templateId: 'new' } })}
          data-testid="web-template-new"
        >
          New template
        </Button>
      </div>
      <Loaded query={templates} label="Loading templates">
        {(page) =>
          page.items.length === 0 ? (
            <p>No templates yet.</p>
          ) : (
            <Table aria-label="Templates" size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Name</TableHeaderCell>
                  <TableHeaderCell>Subject</TableHeaderCell>
                  <TableHeaderCell>Shared with</TableHeaderCell>
                  <TableHeaderCell>Owner</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {page.items.map((t) => (
                  <TableRow key={t.id} data-testid={`web-template-row-${t.id}`}>
                    <TableCell>
                      <Link to="/templates/$templateId" params={{ templateId: t.id }}>
                        {t.name}
                      </Link>
                    </TableCell>
                    <TableCell>{t.subject}</TableCell>
                    <TableCell>
                      <Badge appearance="tint" color={t.scope === 'team' ? 'brand' : 'informative'}>
                        {t.scope === 'team' ? 'Team' : 'Only me'}
                      </Badge>
                    </TableCell>
                    <TableCell>{t.owner.name}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )
        }
      </Loaded>
    </Page>
  );
}
