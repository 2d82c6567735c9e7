import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { TextBoldRegular, TextBulletListLtrRegular, TextItalicRegular } from '@fluentui/react-icons';
import { type Editor, EditorContent, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect } from 'react';

const useStyles = makeStyles({
  frame: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  bar: {
    margin: 0,
    minWidth: 0,
    border: 'none',
    display: 'flex',
    gap: tokens.spacingHorizontalXS,
    padding: tokens.spacingHorizontalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  content: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    minHeight: '180px',
    '& .ProseMirror': { outline: 'none', minHeight: '160px' },
    '&:focus-within': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
});

/**
 * The template body: Tiptap (ProseMirror) with bold, italic and lists; HTML in and out. `onEditor`
 * hands the editor to the merge-field picker, which inserts a field's tag at the cursor.
 */
export function RichTextEditor(props: {
  value: string;
  onChange: (html: string) => void;
  label: string;
  readOnly?: boolean;
  onEditor?: (editor: Editor | null) => void;
}) {
  const styles = useStyles();
  const editor = useEditor({
    extensions: [StarterKit],
    content: props.value,
    editable: !props.readOnly,
    editorProps: {
      attributes: {
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': props.label,
        'data-testid': 'web-template-body',
      },
    },
    onUpdate: ({ editor: e }) => props.onChange(e.getHTML()),
  });
  const { onEditor } = props;
  useEffect(() => onEditor?.(editor), [editor, onEditor]);
  return (
    <div className={styles.frame}>
      {!props.readOnly && editor && <FormatBar editor={editor} />}
      <EditorContent editor={editor} className={styles.content} />
    </div>
  );
}

function FormatBar({ editor }: { editor: Editor }) {
  const styles = useStyles();
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      list: e.isActive('bulletList'),
    }),
  });
  const chain = () => editor.chain().focus();
  return (
    // A plain group of buttons: Fluent's Toolbar adds focus-guard elements axe reports (aria-hidden-focus).
    <fieldset aria-label="Formatting" className={styles.bar}>
      <Button
        appearance="subtle"
        size="small"
        icon={<TextBoldRegular />}
        aria-label="Bold"
        aria-pressed={state.bold}
        onClick={() => chain().toggleBold().run()}
      />
      <Button
        appearance="subtle"
        size="small"
        icon={<TextItalicRegular />}
        aria-label="Italic"
        aria-pressed={state.italic}
        onClick={() => chain().toggleItalic().run()}
      />
      <Button
        appearance="subtle"
        size="small"
        icon={<TextBulletListLtrRegular />}
        aria-label="Bulleted list"
        aria-pressed={state.list}
        onClick={() => chain().toggleBulletList().run()}
      />
    </fieldset>
  );
}
