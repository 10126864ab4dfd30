import { installedOrigins, originsByPackageFile } from './apt-policy.js';

// Recorded from a lab host (`apt-cache policy` and `apt-cache policy hello jq bash`).
const HEADER = `Package files:
 100 /var/lib/dpkg/status
     release a=now
 500 file:/var/cache/tsible-lab/debs ./ Packages
     release o=tsible-lab,a=lab,n=lab,l=tsible-lab,c=
Pinned packages:
`;
const POLICY = `hello:
  Installed: 2.10-3
  Candidate: 2.10-3
  Version table:
 *** 2.10-3 500
        500 file:/var/cache/tsible-lab/debs ./ Packages
        100 /var/lib/dpkg/status
jq:
  Installed: 1.6-2.1+deb12u1
  Candidate: 1.6-2.1+deb12u3
  Version table:
     1.6-2.1+deb12u3 500
        500 file:/var/cache/tsible-lab/debs ./ Packages
 *** 1.6-2.1+deb12u1 100
        100 /var/lib/dpkg/status
bash:
  Installed: 5.2.15-2+b8
  Candidate: 5.2.15-2+b8
  Version table:
 *** 2.15-2+b8 100
        100 /var/lib/dpkg/status
`;

describe('apt-cache policy origins', () => {
  it('maps each package file to its release origin', () => {
    expect(originsByPackageFile(HEADER)).toEqual(
      new Map([
        ['100 /var/lib/dpkg/status', ''],
        ['500 file:/var/cache/tsible-lab/debs ./ Packages', 'tsible-lab'],
      ]),
    );
  });

  it("takes the installed version's first file: a repository's origin, or none for dpkg's status alone", () => {
    expect(installedOrigins(POLICY, originsByPackageFile(HEADER))).toEqual(
      new Map([
        ['hello', 'tsible-lab'],
        ['jq', ''],
        ['bash', ''],
      ]),
    );
  });
});
