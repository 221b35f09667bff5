"""The client's address from REMOTE_ADDR and the trusted proxies' X-Forwarded-For entry."""

from django.test import RequestFactory, SimpleTestCase, override_settings

from core.clientip import client_ip, parse_address


def request(remote: str = "172.18.0.2", forwarded: str | None = None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


class ClientIpTests(SimpleTestCase):
    def test_without_trusted_proxies_forwarded_for_is_ignored(self):
        self.assertEqual(client_ip(request(forwarded="198.51.100.7"), hops=0), "172.18.0.2")
        with override_settings(TRUSTED_PROXY_HOPS=0):
            self.assertEqual(client_ip(request(forwarded="198.51.100.7")), "172.18.0.2")

    def test_one_hop_takes_the_last_entry_and_ignores_what_the_client_wrote(self):
        forged = request(forwarded="10.0.0.1, 203.0.113.9 ,198.51.100.7")
        self.assertEqual(client_ip(forged, hops=1), "198.51.100.7")
        with override_settings(TRUSTED_PROXY_HOPS=1):
            self.assertEqual(client_ip(forged), "198.51.100.7")

    def test_two_hops_take_the_entry_the_outer_proxy_appended(self):
        # client forged 10.0.0.1; the CDN appended 198.51.100.7; Caddy appended the CDN.
        chain = request(forwarded="10.0.0.1, 198.51.100.7, 192.0.2.10")
        self.assertEqual(client_ip(chain, hops=2), "198.51.100.7")
        # Past the inner proxy only (the CDN bypassed): its one entry is taken.
        self.assertEqual(client_ip(request(forwarded="198.51.100.8"), hops=2), "198.51.100.8")

    def test_missing_or_broken_entries_fall_back_to_the_proxy_address(self):
        self.assertEqual(client_ip(request(), hops=1), "172.18.0.2")
        self.assertEqual(client_ip(request(forwarded=" , "), hops=1), "172.18.0.2")
        unknown = request(forwarded="198.51.100.7, unknown")
        self.assertEqual(client_ip(unknown, hops=1), "172.18.0.2")
        self.assertIsNone(client_ip(request(remote="not-an-address"), hops=0))

    def test_addresses_are_normalised_and_ports_dropped(self):
        self.assertEqual(parse_address(" 203.0.113.7:5123 "), "203.0.113.7")
        self.assertEqual(parse_address("[2001:DB8::1]:443"), "2001:db8::1")
        self.assertEqual(parse_address("2001:db8:0:0::1"), "2001:db8::1")
        self.assertIsNone(parse_address("203.0.113.300"))
        self.assertIsNone(parse_address(""))
        ipv6 = request(forwarded="10.0.0.1, 2001:db8::7")
        self.assertEqual(client_ip(ipv6, hops=1), "2001:db8::7")
