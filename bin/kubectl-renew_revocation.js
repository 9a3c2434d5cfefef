#!/usr/bin/env node
// The kubectl plugin: on PATH under this name, `kubectl renew-revocation lint|decode|preview …`
// runs the command line. kubectl finds it by its file name and passes the words after
// `renew-revocation`; the command line reads the name to say `kubectl renew-revocation` in its help.
require('./renew-revocation.js');
