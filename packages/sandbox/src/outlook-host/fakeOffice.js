// A fake `Office` global with the real office.js shapes the Sendwell pane uses, over a compose window
// that the host page owns. Plain browser script (no DOM access here, so Node tests can run it too):
// it defines `SendwellFakeOffice.createFakeOffice(host)` on the global object.
((root) => {
  const SUCCEEDED = 'succeeded';
  const FAILED = 'failed';
  const SUBJECT_LIMIT = 255; // office.js subject.setAsync limit
  const BODY_LIMIT = 1000000; // office.js body.setAsync limit (characters)

  /** "Ada Lovelace <ada@x.test>, bob@y.test; "Doe, Jo" <jo@z.test>" → [{displayName, emailAddress}] */
  function parseRecipients(text) {
    const parts = [];
    let current = '';
    let quoted = false;
    let angled = false;
    for (const char of String(text || '')) {
      if (char === '"') quoted = !quoted;
      else if (char === '<' && !quoted) angled = true;
      else if (char === '>' && !quoted) angled = false;
      if ((char === ',' || char === ';') && !quoted && !angled) {
        parts.push(current);
        current = '';
      } else current += char;
    }
    parts.push(current);
    return parts
      .map((part) => part.trim())
      .filter(Boolean)
      .map(toDetails);
  }

  function toDetails(part) {
    const match = /^(.*?)\s*<([^<>\s]+)>$/.exec(part);
    const emailAddress = match ? match[2] : part;
    const name = match ? match[1].replace(/^"|"$/g, '').trim() : '';
    // Outlook echoes the address as the display name when it knows no name.
    return { emailAddress, displayName: name || emailAddress };
  }

  /** office.js methods take (data?, options?, callback?) in several arities; the callback is always last. */
  function splitArgs(args) {
    const list = args.slice();
    const callback = typeof list[list.length - 1] === 'function' ? list.pop() : null;
    const options = list.find((arg) => arg && typeof arg === 'object') || {};
    return { options, callback };
  }

  function asyncResult(options, value, error) {
    return {
      status: error ? FAILED : SUCCEEDED,
      value: error ? undefined : value,
      error: error || null,
      asyncContext: options.asyncContext,
      diagnostics: null,
    };
  }

  function officeError(name, message, code) {
    return { name, message, code };
  }

  /** Answer like office.js does: later, through the callback, never by throwing. */
  function answer(args, work) {
    const { options, callback } = splitArgs(args);
    setTimeout(() => {
      let result;
      try {
        result = asyncResult(options, work(options));
      } catch (failure) {
        const error = failure?.officeError
          ? failure.officeError
          : officeError('InternalError', String(failure), 9002);
        result = asyncResult(options, undefined, error);
      }
      if (callback) callback(result);
    }, 0);
  }

  function fail(name, message, code) {
    const error = new Error(message);
    error.officeError = officeError(name, message, code);
    return error;
  }

  function recipientsField(host, field) {
    return {
      getAsync(...args) {
        answer(args, () =>
          parseRecipients(host.fields.readRecipients(field)).map((details) => ({
            ...details,
            recipientType: host.isInternal(details.emailAddress) ? 'user' : 'externalUser',
          })),
        );
      },
    };
  }

  function coercionOf(options, fallback) {
    return options?.coercionType || fallback;
  }

  function checkSize(data, limit) {
    if (String(data).length > limit)
      throw fail('DataExceedsMaximumSize', 'The data exceeds the maximum size.', 9000);
  }

  /**
   * `item.sessionData` (Mailbox 1.11): string pairs the host keeps with this draft for the add-in, so
   * they outlive a pane that is closed and reopened. Outlook does not document what `getAsync`
   * answers for a key never set; add-in code in the wild reads a success with no value, as here.
   */
  function sessionData(store) {
    return {
      getAsync(name, ...args) {
        answer(args, () => (store.has(String(name)) ? store.get(String(name)) : undefined));
      },
      getAllAsync(...args) {
        answer(args, () => Object.fromEntries(store));
      },
      setAsync(name, value, ...args) {
        answer(args, () => {
          store.set(String(name), String(value));
        });
      },
      removeAsync(name, ...args) {
        answer(args, () => {
          store.delete(String(name));
        });
      },
      clearAsync(...args) {
        answer(args, () => store.clear());
      },
    };
  }

  function composeItem(host) {
    return {
      itemType: 'message',
      sessionData: sessionData(host.sessionData || new Map()),
      /** Mailbox 1.3: closes the compose window (the host decides what closing looks like). */
      close() {
        if (typeof host.close === 'function') host.close();
      },
      to: recipientsField(host, 'to'),
      cc: recipientsField(host, 'cc'),
      bcc: recipientsField(host, 'bcc'),
      subject: {
        getAsync(...args) {
          answer(args, () => host.fields.readSubject());
        },
        setAsync(subject, ...args) {
          answer(args, () => {
            checkSize(subject, SUBJECT_LIMIT);
            host.fields.writeSubject(String(subject));
          });
        },
      },
      body: {
        getTypeAsync(...args) {
          answer(args, () => 'html');
        },
        getAsync(coercionType, ...args) {
          answer(args, () => host.fields.readBody(coercionType === 'text' ? 'text' : 'html'));
        },
        setAsync(data, ...args) {
          answer(args, (options) => {
            checkSize(data, BODY_LIMIT);
            host.fields.writeBody(String(data), coercionOf(options, 'text'));
          });
        },
        setSelectedDataAsync(data, ...args) {
          answer(args, (options) => {
            checkSize(data, BODY_LIMIT);
            host.fields.insertBody(String(data), coercionOf(options, 'text'));
          });
        },
      },
    };
  }

  // ---- Dialog API 1.1 ----
  const DIALOG_EVENTS = {
    DialogMessageReceived: 'dialogMessageReceived',
    DialogEventReceived: 'dialogEventReceived',
  };

  /**
   * host.dialogs = { open(url, {onMessage(message), onEvent(errorCode)}) → {close()} (throws when blocked),
   *                  messageParent(message) } : the window itself is the host page's business.
   */
  function officeUi(host) {
    return {
      displayDialogAsync(startAddress, ...args) {
        answer(args, () => {
          if (!host.dialogs) throw fail('InternalError', 'This host cannot open dialogs.', 12011);
          const handlers = {
            [DIALOG_EVENTS.DialogMessageReceived]: [],
            [DIALOG_EVENTS.DialogEventReceived]: [],
          };
          const emit = (type, value) => {
            for (const handler of handlers[type]) handler(value);
          };
          const opened = host.dialogs.open(String(startAddress), {
            onMessage: (message) =>
              emit(DIALOG_EVENTS.DialogMessageReceived, { message, origin: host.origin }),
            onEvent: (error) => emit(DIALOG_EVENTS.DialogEventReceived, { error }),
          });
          if (!opened) throw fail('DialogBlocked', 'The user chose to ignore the dialog box.', 12009);
          return {
            addEventHandler(type, handler) {
              if (handlers[type]) handlers[type].push(handler);
            },
            close() {
              opened.close();
            },
          };
        });
      },
      messageParent(message) {
        if (host.dialogs) host.dialogs.messageParent(String(message));
      },
    };
  }

  /**
   * host = { fields: {readRecipients(field), readSubject(), writeSubject(s), readBody(kind), writeBody(data, kind),
   *          insertBody(data, kind)}, profile: {emailAddress, displayName, accountType}, isInternal(address),
   *          ready: Promise, sessionData?: Map (kept by the host per draft), close?(), displayLanguage?,
   *          naa?: (see createNestedAppAuthBridge; absent: NestedAppAuth 1.1 unsupported), dialogs?, origin? }
   */
  function createFakeOffice(host) {
    const supported = (name, version) =>
      (name === 'Mailbox' && version <= 1.15) ||
      (name === 'DialogApi' && version <= 1.2) ||
      (name === 'NestedAppAuth' && Boolean(host.naa) && version <= 1.1);
    const office = {
      HostType: { Outlook: 'Outlook' },
      PlatformType: { OfficeOnline: 'OfficeOnline' },
      CoercionType: { Html: 'html', Text: 'text' },
      AsyncResultStatus: { Succeeded: SUCCEEDED, Failed: FAILED },
      MailboxEnums: { RecipientType: { User: 'user', ExternalUser: 'externalUser', Other: 'other' } },
      EventType: { ...DIALOG_EVENTS },
      context: {
        platform: 'OfficeOnline',
        displayLanguage: host.displayLanguage || 'en-US',
        requirements: {
          isSetSupported: (name, version) => supported(name, Number(version || '1.1')),
        },
        ui: officeUi(host),
        mailbox: {
          item: composeItem(host),
          userProfile: host.profile,
          diagnostics: { hostName: 'OutlookWebApp', hostVersion: '16.0-sandbox', OWAView: 'ThreeColumns' },
        },
      },
      onReady(callback) {
        return Promise.resolve(host.ready).then(() => {
          const info = { host: 'Outlook', platform: 'OfficeOnline' };
          if (typeof callback === 'function') callback(info);
          return info;
        });
      },
    };
    return office;
  }

  root.SendwellFakeOffice = { createFakeOffice, parseRecipients };
})(typeof window !== 'undefined' ? window : globalThis);
