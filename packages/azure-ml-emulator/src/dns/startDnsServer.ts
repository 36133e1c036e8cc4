import DNS from 'dns2';
import { Faults, nameListMatches } from '../faults';
import { EmulatorState } from '../state/types';
import { resolveName } from './resolveName';

const { Packet } = DNS;
const RCODE_NXDOMAIN = 3;

export interface DnsServerHandle {
  port: number;
  address: string;
  close(): Promise<void>;
}

/** A UDP DNS server on loopback answering the platform's private-endpoint names from the state. */
export async function startDnsServer(options: {
  state: () => EmulatorState;
  faults: Faults;
  port: number;
  host?: string;
}): Promise<DnsServerHandle> {
  const address = options.host ?? '127.0.0.1';
  const server = DNS.createServer({
    udp: true,
    handle: (request, send) => {
      const response = Packet.createResponseFromRequest(request);
      const question = request.questions[0] as
        | { name: string; type?: number }
        | undefined;
      // The `timeout` fault: no answer at all, as from a DNS server the client cannot reach.
      if (
        question &&
        nameListMatches(options.faults.dns.timeout, question.name)
      )
        return;
      if (question) {
        let qtype: 'A' | 'CNAME' | 'OTHER' = 'OTHER';
        if (
          question.type === Packet.TYPE.A ||
          question.type === Packet.TYPE.ANY
        ) {
          qtype = 'A';
        } else if (question.type === Packet.TYPE.CNAME) {
          qtype = 'CNAME';
        }
        const result = resolveName(
          options.state(),
          options.faults,
          question.name,
          qtype,
        );
        if (result.rcode === 'NXDOMAIN') {
          (response as unknown as { header: { rcode: number } }).header.rcode =
            RCODE_NXDOMAIN;
        }
        for (const answer of result.answers) {
          (response.answers as unknown[]).push(
            answer.type === 'A'
              ? {
                  name: answer.name,
                  type: Packet.TYPE.A,
                  class: Packet.CLASS.IN,
                  ttl: answer.ttl,
                  address: answer.data,
                }
              : {
                  name: answer.name,
                  type: Packet.TYPE.CNAME,
                  class: Packet.CLASS.IN,
                  ttl: answer.ttl,
                  domain: answer.data,
                },
          );
        }
      }
      send(response);
    },
  });
  await server.listen({ udp: { port: options.port, address } });
  const port = server.addresses().udp?.port ?? options.port;
  return {
    port,
    address,
    close: () => server.close(),
  };
}
