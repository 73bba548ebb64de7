async def test_login_me_logout(client, admin):
    r = await client.post("/api/v1/auth/login", json={"username": "admin", "password": admin["password"]})
    assert r.status_code == 200, r.text
    body = r.json()
    csrf = body["data"]["csrf_token"]
    r = await client.get("/api/v1/auth/me")
    assert r.status_code == 200, r.text
    r = await client.post("/api/v1/auth/logout", headers={"X-CSRF-Token": csrf})
    assert r.status_code == 200, r.text
    r = await client.get("/api/v1/auth/me")
    assert r.status_code == 401, r.text
    print(r.json())
