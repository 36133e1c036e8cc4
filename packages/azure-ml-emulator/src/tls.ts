import fs from 'node:fs';
import path from 'node:path';
import { generate } from 'selfsigned';

export interface Certificate {
  key: string;
  cert: string;
}

/**
 * A self-signed certificate for localhost / 127.0.0.1 / ::1 (and `host`). With `dir`, it is
 * generated once and reused from `dir/emulator-cert.pem` + `dir/emulator-key.pem`, so clients
 * can trust it with NODE_EXTRA_CA_CERTS=dir/emulator-cert.pem across restarts.
 */
export async function createCertificate(
  host: string,
  dir?: string,
): Promise<Certificate> {
  const certFile = dir && path.join(dir, 'emulator-cert.pem');
  const keyFile = dir && path.join(dir, 'emulator-key.pem');
  if (
    certFile &&
    keyFile &&
    fs.existsSync(certFile) &&
    fs.existsSync(keyFile)
  ) {
    return {
      cert: fs.readFileSync(certFile, 'utf8'),
      key: fs.readFileSync(keyFile, 'utf8'),
    };
  }
  const altNames: Array<{ type: 2 | 7; value?: string; ip?: string }> = [
    { type: 2, value: 'localhost' },
    { type: 7, ip: '127.0.0.1' },
    { type: 7, ip: '::1' },
  ];
  if (!['localhost', '127.0.0.1', '::1'].includes(host)) {
    altNames.push(
      /^[\d.]+$|:/.test(host)
        ? { type: 7, ip: host }
        : { type: 2, value: host },
    );
  }
  const pems = await generate(
    [{ name: 'commonName', value: 'azure-ml-emulator' }],
    {
      keySize: 2048,
      algorithm: 'sha256',
      extensions: [
        { name: 'basicConstraints', cA: true },
        {
          name: 'keyUsage',
          keyCertSign: true,
          digitalSignature: true,
          keyEncipherment: true,
        },
        { name: 'extKeyUsage', serverAuth: true },
        { name: 'subjectAltName', altNames },
      ],
    },
  );
  const result = { key: pems.private, cert: pems.cert };
  if (certFile && keyFile) {
    fs.mkdirSync(dir!, { recursive: true });
    fs.writeFileSync(certFile, result.cert);
    fs.writeFileSync(keyFile, result.key, { mode: 0o600 });
  }
  return result;
}
