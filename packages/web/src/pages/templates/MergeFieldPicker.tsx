import { Button, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger } from '@fluentui/react-components';
import { BracesRegular } from '@fluentui/react-icons';
import { mergeFieldsSchema } from '@sendwell/core';
import { useApiQuery } from '../../api/queries';

/**
 * Inserts a merge field's tag at the cursor. The list is the server's (`GET /merge-fields`, from
 * core's one list), so only fields the merge supports are ever offered.
 */
export function MergeFieldPicker(props: { onPick: (tag: string) => void; disabled?: boolean }) {
  const fields = useApiQuery('/merge-fields', {
    schema: mergeFieldsSchema,
    staleTime: Number.POSITIVE_INFINITY,
  });
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button
          icon={<BracesRegular />}
          disabled={props.disabled || !fields.data}
          data-testid="web-template-merge-field"
        >
          Insert merge field
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {(fields.data?.items ?? []).map((field) => (
            <MenuItem
              key={field.name}
              onClick={() => props.onPick(field.tag)}
              secondaryContent={field.example}
              data-testid={`web-merge-field-${field.name}`}
            >
              {field.label}
            </MenuItem>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
