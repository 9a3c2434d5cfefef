#!/usr/bin/env bash
# Makes the example cluster's certificates in examples/pki/ with real openssl (3.0 or later):
# what an AKS hybrid cluster's control plane and nodes carry, chosen so that the documented
# example manifest (examples/documented.yaml) has something to revoke for every entry.
# The keys live in a temporary folder and are deleted: examples ship in the .vsix, and carry
# certificates only, never keys. Validity dates are fixed and run to 2034 or later, so the
# examples do not start warning about expiry.
#
#   serial 77fdf4b1…   front-proxy-client, issued 2020-01-15 (before the entry's notBefore)
#   Group system:nodes kubelet client certificates of moc-node-1 and moc-node-2, and the
#                      kubelet serving certificate of moc-node-1 (which cannot be revoked)
#   DNS kubernetes.default.svc.  the API server
#   DNS .cluster.local           the API server and metrics-server
#   IP 170.63.128.124            the API server (the control plane's address)
#   kept: the cluster CA and the admin client certificate (also in admin.kubeconfig)
set -euo pipefail

out="$(cd "$(dirname "$0")/.." && pwd)/examples/pki"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
mkdir -p newcerts "$out"
rm -f "$out"/*.crt "$out"/*.kubeconfig
: > index.txt

cat > ca.cnf <<EOF
[ ca ]
default_ca = cluster_ca

[ cluster_ca ]
dir = $work
database = \$dir/index.txt
new_certs_dir = \$dir/newcerts
serial = \$dir/serial
default_md = sha256
policy = policy_anything
unique_subject = no
email_in_dn = no
copy_extensions = none
name_opt = ca_default
cert_opt = ca_default

[ policy_anything ]
commonName = optional

[ cluster_ca_cert ]
basicConstraints = critical, CA:true
keyUsage = critical, digitalSignature, keyEncipherment, keyCertSign
subjectKeyIdentifier = hash

[ apiserver ]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
authorityKeyIdentifier = keyid:always
subjectAltName = DNS:moc-control-plane, DNS:kubernetes, DNS:kubernetes.default, DNS:kubernetes.default.svc, DNS:kubernetes.default.svc.cluster.local, IP:10.96.0.1, IP:170.63.128.124

[ metrics_server ]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
authorityKeyIdentifier = keyid:always
subjectAltName = DNS:metrics-server.kube-system.svc, DNS:metrics-server.kube-system.svc.cluster.local

[ client ]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = clientAuth
authorityKeyIdentifier = keyid:always

[ kubelet_serving ]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
authorityKeyIdentifier = keyid:always
subjectAltName = DNS:moc-node-1, IP:10.0.0.21
EOF

ca() { openssl ca -config ca.cnf -batch -notext -preserveDN "$@" 2>/dev/null; }
key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1"; }
# issue NAME SUBJECT SERIAL EXTENSIONS START END
issue() {
  key "$1.key"
  openssl req -new -key "$1.key" -subj "$2" -out "$1.csr"
  echo "$3" > serial
  ca -cert ca.crt -keyfile ca.key -in "$1.csr" -out "$out/$1.crt" -extensions "$4" -startdate "$5" -enddate "$6"
}

openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out ca.key 2>/dev/null
openssl req -new -key ca.key -subj "/CN=kubernetes" -out ca.csr
echo 01 > serial
ca -selfsign -keyfile ca.key -in ca.csr -out ca.crt -extensions cluster_ca_cert \
  -startdate 20190601000000Z -enddate 20490601000000Z
cp ca.crt "$out/ca.crt"

issue apiserver "/CN=kube-apiserver" 3A1F apiserver 20240110000000Z 20340110000000Z
issue metrics-server "/CN=metrics-server" 4B07 metrics_server 20230905000000Z 20330905000000Z
issue front-proxy-client "/CN=front-proxy-client" 77FDF4B1033B387AAACE6CE1C18710C2 client 20200115000000Z 20350115000000Z
issue kubelet-client-moc-node-1 "/O=system:nodes/CN=system:node:moc-node-1" 6C01 client 20240301000000Z 20340301000000Z
issue kubelet-client-moc-node-2 "/O=system:nodes/CN=system:node:moc-node-2" 6C02 client 20250201000000Z 20350201000000Z
issue kubelet-serving-moc-node-1 "/O=system:nodes/CN=system:node:moc-node-1" 6D01 kubelet_serving 20240301000000Z 20340301000000Z
issue admin "/O=system:masters/CN=kubernetes-admin" 2A client 20240110000000Z 20340110000000Z

b64() { base64 -w0 "$1"; }
cat > "$out/admin.kubeconfig" <<EOF
# The example cluster's admin kubeconfig, without its client key: the examples carry
# certificates only, never keys.
apiVersion: v1
kind: Config
clusters:
- name: moc-cluster
  cluster:
    server: https://170.63.128.124:6443
    certificate-authority-data: $(b64 "$out/ca.crt")
users:
- name: kubernetes-admin
  user:
    client-certificate-data: $(b64 "$out/admin.crt")
contexts:
- name: kubernetes-admin@moc-cluster
  context:
    cluster: moc-cluster
    user: kubernetes-admin
current-context: kubernetes-admin@moc-cluster
EOF
ls "$out"
