/**
 * serve's Host-header policy (DNS rebinding): loopback binds accept only
 * loopback names; other binds accept IP literals, localhost and this
 * machine's host name, never another name; the port must match.
 */
import { describe, expect, it } from 'vitest';
import { hostAllowed } from '../../src/serve/server.js';

describe('hostAllowed', () => {
  it.each([
    ['127.0.0.1:4321', true],
    ['localhost:4321', true],
    ['LOCALHOST:4321', true],
    ['[::1]:4321', true],
    ['127.0.0.1:4322', false],
    ['127.0.0.1', false],
    ['192.168.1.5:4321', false],
    ['myhost:4321', false],
    ['evil.example:4321', false],
    ['localhost.evil.example:4321', false],
    ['', false],
  ])('should, bound to 127.0.0.1, answer Host %j with %s', (header, allowed) => {
    expect(hostAllowed(header, '127.0.0.1', 4321, 'myhost')).toBe(allowed);
  });

  it.each([
    ['0.0.0.0:4321', true],
    ['192.168.1.5:4321', true],
    ['[fe80::1]:4321', true],
    ['localhost:4321', true],
    ['myhost:4321', true],
    ['MyHost:4321', true],
    ['192.168.1.5:80', false],
    ['evil.example:4321', false],
    ['myhost.evil.example:4321', false],
    ['192.168.1.5.nip.io:4321', false],
  ])('should, bound to 0.0.0.0 on machine "myhost", answer Host %j with %s', (header, allowed) => {
    expect(hostAllowed(header, '0.0.0.0', 4321, 'myhost')).toBe(allowed);
  });
});
