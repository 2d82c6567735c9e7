import type { Environment } from './environment';
import { SOURCE } from './source';

const esc = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** XML manifests carry a four-part version. */
const xmlVersion = (version: string) => `${version}.0`;

/**
 * The Outlook add-in-only (XML) manifest: works in Outlook on the web, new and classic Windows and Mac,
 * and is what "Add a custom add-in" and the admin centre accept. Element order follows the schema.
 */
export function renderOutlookXml(env: Environment): string {
  const { outlook, icons } = SOURCE;
  const taskpane = env.url(SOURCE.paths.taskpane);
  const ribbonImages = icons.ribbon.map(
    (size) =>
      `          <bt:Image id="Icon.${size}x${size}" DefaultValue="${esc(env.url(icons.path(size)))}"/>`,
  );
  const ribbonIcon = icons.ribbon.map(
    (size) => `                    <bt:Image size="${size}" resid="Icon.${size}x${size}"/>`,
  );
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<!-- Rendered by @sendwell/manifests for ${esc(env.baseUrl)}; edit manifests/src/source.ts, not this file. -->
<OfficeApp xmlns="http://schemas.microsoft.com/office/appforoffice/1.1"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xmlns:bt="http://schemas.microsoft.com/office/officeappbasictypes/1.0"
  xmlns:mailappor="http://schemas.microsoft.com/office/mailappversionoverrides/1.0"
  xsi:type="MailApp">
  <Id>${env.id}</Id>
  <Version>${xmlVersion(SOURCE.version)}</Version>
  <ProviderName>${esc(SOURCE.provider)}</ProviderName>
  <DefaultLocale>${SOURCE.locale}</DefaultLocale>
  <DisplayName DefaultValue="${esc(env.displayName)}"/>
  <Description DefaultValue="${esc(SOURCE.description.short)}"/>
  <IconUrl DefaultValue="${esc(env.url(icons.path(icons.iconUrl)))}"/>
  <HighResolutionIconUrl DefaultValue="${esc(env.url(icons.path(icons.highResolution)))}"/>
  <SupportUrl DefaultValue="${esc(env.url(SOURCE.paths.support))}"/>
  <AppDomains>
    <AppDomain>${esc(env.origin)}</AppDomain>
  </AppDomains>
  <Hosts>
    <Host Name="Mailbox"/>
  </Hosts>
  <Requirements>
    <Sets>
      <Set Name="Mailbox" MinVersion="${outlook.mailboxMinVersion}"/>
    </Sets>
  </Requirements>
  <!-- Required for validation; clients that understand VersionOverrides ignore it. -->
  <FormSettings>
    <Form xsi:type="ItemEdit">
      <DesktopSettings>
        <SourceLocation DefaultValue="${esc(taskpane)}"/>
      </DesktopSettings>
    </Form>
  </FormSettings>
  <Permissions>${outlook.permissions}</Permissions>
  <Rule xsi:type="RuleCollection" Mode="Or">
    <Rule xsi:type="ItemIs" ItemType="Message" FormType="Edit"/>
  </Rule>
  <VersionOverrides xmlns="http://schemas.microsoft.com/office/mailappversionoverrides" xsi:type="VersionOverridesV1_0">
    <Requirements>
      <bt:Sets DefaultMinVersion="${outlook.commandsMinVersion}">
        <bt:Set Name="Mailbox"/>
      </bt:Sets>
    </Requirements>
    <Hosts>
      <Host xsi:type="MailHost">
        <DesktopFormFactor>
          <ExtensionPoint xsi:type="MessageComposeCommandSurface">
            <OfficeTab id="TabDefault">
              <Group id="sendwellComposeGroup">
                <Label resid="Group.Label"/>
                <Control xsi:type="Button" id="sendwellOpenPane">
                  <Label resid="Button.Label"/>
                  <Supertip>
                    <Title resid="Button.Label"/>
                    <Description resid="Button.Tooltip"/>
                  </Supertip>
                  <Icon>
${ribbonIcon.join('\n')}
                  </Icon>
                  <Action xsi:type="ShowTaskpane">
                    <SourceLocation resid="Taskpane.Url"/>
                  </Action>
                </Control>
              </Group>
            </OfficeTab>
          </ExtensionPoint>
        </DesktopFormFactor>
      </Host>
    </Hosts>
    <Resources>
      <bt:Images>
${ribbonImages.join('\n')}
      </bt:Images>
      <bt:Urls>
        <bt:Url id="Taskpane.Url" DefaultValue="${esc(taskpane)}"/>
      </bt:Urls>
      <bt:ShortStrings>
        <bt:String id="Group.Label" DefaultValue="${esc(outlook.groupLabel)}"/>
        <bt:String id="Button.Label" DefaultValue="${esc(outlook.buttonLabel)}"/>
      </bt:ShortStrings>
      <bt:LongStrings>
        <bt:String id="Button.Tooltip" DefaultValue="${esc(outlook.buttonTooltip)}"/>
      </bt:LongStrings>
    </Resources>
  </VersionOverrides>
</OfficeApp>
`;
}
